// Returns {key: partner id, items: [{partnerId, customerId, status, customer}] ordered by customer id} for each partner in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[a:HAS_ACCOUNT]->(c:Customer)
WITH id, a, c ORDER BY c.id
RETURN id AS key, collect({partnerId: id, customerId: c.id, status: a.status, customer: c {.id, .name, .industry, .region, .segment}}) AS items
