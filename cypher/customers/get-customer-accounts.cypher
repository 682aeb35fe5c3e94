// Returns {key: customer id, items: [{partnerId, customerId, status, partner}] ordered by partner id} for each customer in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner)-[a:HAS_ACCOUNT]->(:Customer {id: id})
WITH id, a, p ORDER BY p.id
RETURN id AS key, collect({partnerId: p.id, customerId: id, status: a.status, partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
