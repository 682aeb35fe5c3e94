// Returns {system, id, entityId} for each of $keys [{system, id}] that an entity of kind $kind has; unknown keys give no row. Params: $kind, $keys.
UNWIND $keys AS key
MATCH (:ExternalId {kind: $kind, system: key.system, value: key.id})<-[:HAS_EXTERNAL_ID]-(n)
RETURN key.system AS system, key.id AS id, n.id AS entityId
