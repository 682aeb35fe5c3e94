// Returns {key: customer id, items: [{partnerId, customerId, status, since, until, partner}] ordered by partner id, then since} of the ended accounts (HAD_ACCOUNT, README "Time") on each customer in $ids, as far as the viewer may see them. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner)-[a:HAD_ACCOUNT]->(c:Customer {id: id})
WHERE {{scope/account-visible(p, c)}}
WITH id, a, p ORDER BY p.id, a.since
RETURN id AS key, collect({partnerId: p.id, customerId: id, status: a.status, since: a.since, until: a.until, partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
