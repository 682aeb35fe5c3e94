// Returns {partnerId, customerId, status} for every account, ordered by partner id then customer id. No parameters.
MATCH (p:Partner)-[a:HAS_ACCOUNT]->(u:Customer)
RETURN p.id AS partnerId, u.id AS customerId, a.status AS status
ORDER BY partnerId, customerId
