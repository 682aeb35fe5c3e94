// Removes the partner's account on the customer; returns {account} as it was, no row when there was none. Params: $partnerId, $customerId.
MATCH (p:Partner {id: $partnerId})-[a:HAS_ACCOUNT]->(c:Customer {id: $customerId})
WITH p, c, a, a.status AS status
DELETE a
RETURN {partnerId: p.id, customerId: c.id, status: status, partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, customer: c {.id, .name, .industry, .region, .segment, .domain}} AS account
