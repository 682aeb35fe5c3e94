// Returns {count}: creates each HAS_CAPABILITY link (a fresh load). Params: $rows [{partnerId, capabilityId, level}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (c:Capability {id: row.capabilityId})
CREATE (p)-[:HAS_CAPABILITY {level: row.level}]->(c)
RETURN count(*) AS count
