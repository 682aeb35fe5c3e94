// Returns {count}: creates each REQUIRES link (a fresh load). Params: $rows [{solutionId, capabilityId}].
UNWIND $rows AS row
MATCH (s:Solution {id: row.solutionId})
MATCH (c:Capability {id: row.capabilityId})
CREATE (s)-[:REQUIRES]->(c)
RETURN count(*) AS count
