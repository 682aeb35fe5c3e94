// Returns {key: partner id, items: [{partnerId, customerId, status, since, until, customer}] ordered by customer id, then since} of the ended accounts (HAD_ACCOUNT, README "Time") of each partner in $ids, as far as the viewer may see them (README, Roles and grants). Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[a:HAD_ACCOUNT]->(c:Customer)
WHERE {{scope/account-visible(p, c)}}
WITH id, a, c ORDER BY c.id, a.since
RETURN id AS key, collect({partnerId: id, customerId: c.id, status: a.status, since: a.since, until: a.until, customer: c {.id, .name, .industry, .region, .segment, .domain}}) AS items
