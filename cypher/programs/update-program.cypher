// Sets the given properties of the program (a null value removes one); returns {id, partnerType}, no row when there is no such program. Params: $id, $props.
MATCH (g:Program {id: $id})
SET g += $props
RETURN g.id AS id, g.partnerType AS partnerType
