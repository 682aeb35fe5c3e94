// Returns {count}: creates each account (HAS_ACCOUNT) of a partner on a customer (a fresh load). Params: $rows [{partnerId, customerId, status}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (u:Customer {id: row.customerId})
CREATE (p)-[:HAS_ACCOUNT {status: row.status}]->(u)
RETURN count(*) AS count
