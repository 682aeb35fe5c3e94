// Returns {count}: creates each SHARES_WITH grant, grantor to grantee (a fresh load). Params: $rows [{fromId, toId, level}].
UNWIND $rows AS row
MATCH (grantor:Partner {id: row.fromId})
MATCH (grantee:Partner {id: row.toId})
CREATE (grantor)-[:SHARES_WITH {level: row.level}]->(grantee)
RETURN count(*) AS count
