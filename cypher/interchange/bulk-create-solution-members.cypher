// Returns {count}: creates each MEMBER_OF link (a fresh load). Params: $rows [{solutionId, partnerId, role}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (s:Solution {id: row.solutionId})
CREATE (p)-[:MEMBER_OF {role: row.role}]->(s)
RETURN count(*) AS count
