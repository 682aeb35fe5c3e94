// Sets the given properties of a partner (a null value removes one); returns {node}, no row when there is no such partner. Params: $id, $changes (a map).
MATCH (p:Partner {id: $id})
SET p += $changes
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
