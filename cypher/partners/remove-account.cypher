// Ends the partner's account on the customer at $now: re-typed HAD_ACCOUNT with its properties and until = $now (README "Time"; an interval that began at $now never held and is dropped); returns {account} as it was, with until = $now, no row when there was none. Params: $partnerId, $customerId, $now.
MATCH (p:Partner {id: $partnerId})-[a:HAS_ACCOUNT]->(c:Customer {id: $customerId})
WITH p, c, a, a.status AS status, a.since AS since, datetime($now) AS now
FOREACH (_ IN CASE WHEN a.since IS NULL OR a.since < now THEN [1] ELSE [] END |
  CREATE (p)-[ended:HAD_ACCOUNT]->(c) SET ended = properties(a), ended.until = now)
DELETE a
RETURN {partnerId: p.id, customerId: c.id, status: status, since: since, until: now, partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, customer: c {.id, .name, .industry, .region, .segment, .domain}} AS account
