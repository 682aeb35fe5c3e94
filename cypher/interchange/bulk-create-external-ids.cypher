// Returns {count}: creates the external ids of entities of kind $kind (a fresh load: the document was checked, so no pair repeats). Params: $kind ('Partner', 'Capability', 'Customer', 'Solution' or 'Deal'), $rows [{entityId, system, id}].
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (p:Partner {id: row.entityId}) WHERE $kind = 'Partner'
  OPTIONAL MATCH (c:Capability {id: row.entityId}) WHERE $kind = 'Capability'
  OPTIONAL MATCH (u:Customer {id: row.entityId}) WHERE $kind = 'Customer'
  OPTIONAL MATCH (s:Solution {id: row.entityId}) WHERE $kind = 'Solution'
  OPTIONAL MATCH (d:Deal {id: row.entityId}) WHERE $kind = 'Deal'
  RETURN coalesce(p, c, u, s, d) AS n
}
MERGE (x:ExternalId {kind: $kind, system: row.system, value: row.id})
CREATE (n)-[:HAS_EXTERNAL_ID]->(x)
RETURN count(*) AS count
