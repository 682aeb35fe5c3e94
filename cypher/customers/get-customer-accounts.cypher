// Returns {key: customer id, items: [{partnerId, customerId, status, since, partner}] ordered by partner id} for each customer in $ids, as far as the viewer may see them. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner)-[a:HAS_ACCOUNT]->(c:Customer {id: id})
WHERE {{scope/account-visible(p, c)}}
WITH id, a, p ORDER BY p.id
RETURN id AS key, collect({partnerId: p.id, customerId: id, status: a.status, since: a.since, partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
