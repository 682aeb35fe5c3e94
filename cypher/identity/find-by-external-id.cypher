// Returns {id} of the entity of kind $kind ('Partner', 'Capability', 'Customer', 'Solution' or 'Deal') that has the external id ($system, $id); no row when none. Params: $kind, $system, $id.
MATCH (:ExternalId {kind: $kind, system: $system, value: $id})<-[:HAS_EXTERNAL_ID]-(n)
RETURN n.id AS id
