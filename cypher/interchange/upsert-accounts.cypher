// Returns {count}: creates or updates the account (HAS_ACCOUNT) of each partner and customer pair. Params: $rows [{partnerId, customerId, status}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (u:Customer {id: row.customerId})
MERGE (p)-[a:HAS_ACCOUNT]->(u)
SET a.status = row.status
RETURN count(*) AS count
