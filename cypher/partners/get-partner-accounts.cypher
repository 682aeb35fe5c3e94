// Returns {key: partner id, items: [{partnerId, customerId, status, since, customer}] ordered by customer id} for each partner in $ids, as far as the viewer may see them (README, Roles and grants). Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[a:HAS_ACCOUNT]->(c:Customer)
WHERE {{scope/account-visible(p, c)}}
WITH id, a, c ORDER BY c.id
RETURN id AS key, collect({partnerId: id, customerId: c.id, status: a.status, since: a.since, customer: c {.id, .name, .industry, .region, .segment, .domain}}) AS items
