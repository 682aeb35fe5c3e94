// Replaces the external ids of entities of kind $kind ('Partner', 'Capability', 'Customer', 'Solution' or 'Deal'): each entity's keys not in its new list are deleted, then each new key is attached unless another entity of the kind has it (a key without an owner, left by a deleted entity, is reused).
// Returns {entityId, system, id, ownerId} for each key refused because entity ownerId has it (the caller rolls back); entities that do not exist are skipped. Params: $kind, $rows [{id, externalIds: [{system, id}]}].
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (p:Partner {id: row.id}) WHERE $kind = 'Partner'
  OPTIONAL MATCH (c:Capability {id: row.id}) WHERE $kind = 'Capability'
  OPTIONAL MATCH (u:Customer {id: row.id}) WHERE $kind = 'Customer'
  OPTIONAL MATCH (s:Solution {id: row.id}) WHERE $kind = 'Solution'
  OPTIONAL MATCH (d:Deal {id: row.id}) WHERE $kind = 'Deal'
  RETURN coalesce(p, c, u, s, d) AS n
}
WITH row, n WHERE n IS NOT NULL
CALL (n, row) {
  MATCH (n)-[:HAS_EXTERNAL_ID]->(old:ExternalId)
  WHERE NOT {system: old.system, id: old.value} IN row.externalIds
  DETACH DELETE old
}
WITH row, n
UNWIND row.externalIds AS ext
CALL (n, ext) {
  MERGE (x:ExternalId {kind: $kind, system: ext.system, value: ext.id})
  WITH n, x
  OPTIONAL MATCH (owner)-[:HAS_EXTERNAL_ID]->(x)
  WITH n, x, head(collect(owner)) AS owner
  FOREACH (_ IN CASE WHEN owner IS NULL THEN [1] ELSE [] END | MERGE (n)-[:HAS_EXTERNAL_ID]->(x))
  RETURN owner
}
WITH row, n, ext, owner WHERE owner IS NOT NULL AND owner <> n
RETURN row.id AS entityId, ext.system AS system, ext.id AS id, owner.id AS ownerId
