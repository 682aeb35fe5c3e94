// Returns {count}: creates each NEEDS link (a fresh load). Params: $rows [{customerId, capabilityId}].
UNWIND $rows AS row
MATCH (u:Customer {id: row.customerId})
MATCH (c:Capability {id: row.capabilityId})
CREATE (u)-[:NEEDS]->(c)
RETURN count(*) AS count
