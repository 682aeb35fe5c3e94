// Returns {partnerId, customerId, status, since, until} for every account, current (HAS_ACCOUNT) and ended (HAD_ACCOUNT, README "Time"), ordered by partner id, customer id, then since. No parameters.
MATCH (p:Partner)-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(u:Customer)
RETURN p.id AS partnerId, u.id AS customerId, a.status AS status, a.since AS since, a.until AS until
ORDER BY partnerId, customerId, since
