// Creates the partner's account on the customer (since = $now) or, with another status, ends the current one (HAD_ACCOUNT, until = $now) and opens the next (since = $now); the same status changes nothing (README "Time"); every account carries hubId = its partner's id (migration 010-hub-ids). Returns {account: {partnerId, customerId, status, since, partner, customer}}. Params: $partnerId, $customerId, $status, $now.
MATCH (p:Partner {id: $partnerId}), (c:Customer {id: $customerId})
OPTIONAL MATCH (p)-[old:HAS_ACCOUNT]->(c)
WITH p, c, old, datetime($now) AS now
FOREACH (_ IN CASE WHEN old IS NOT NULL AND old.status <> $status AND (old.since IS NULL OR old.since < now) THEN [1] ELSE [] END |
  CREATE (p)-[ended:HAD_ACCOUNT]->(c) SET ended = properties(old), ended.until = now)
FOREACH (_ IN CASE WHEN old IS NOT NULL AND old.status <> $status THEN [1] ELSE [] END | DELETE old)
WITH DISTINCT p, c, now
MERGE (p)-[a:HAS_ACCOUNT]->(c)
ON CREATE SET a.since = now
SET a.status = $status, a.hubId = p.id
RETURN {partnerId: p.id, customerId: c.id, status: a.status, since: a.since, partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, customer: c {.id, .name, .industry, .region, .segment, .domain}} AS account
