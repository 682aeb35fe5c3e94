// Creates or updates the partner's account on the customer; returns {account: {partnerId, customerId, status, partner, customer}}. Params: $partnerId, $customerId, $status.
MATCH (p:Partner {id: $partnerId}), (c:Customer {id: $customerId})
MERGE (p)-[a:HAS_ACCOUNT]->(c)
SET a.status = $status
RETURN {partnerId: p.id, customerId: c.id, status: a.status, partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, customer: c {.id, .name, .industry, .region, .segment, .domain}} AS account
