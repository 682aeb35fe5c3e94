// Lets $withPartnerId see the accounts of $partnerId at a level (since = $now); another level than the current grant's ends that grant (HAD_SHARING, until = $now) and opens the next, the same level changes nothing (README "Time"); returns {node}: the grantor. Params: $partnerId, $withPartnerId, $level, $now.
MATCH (p:Partner {id: $partnerId}), (o:Partner {id: $withPartnerId})
OPTIONAL MATCH (p)-[old:SHARES_WITH]->(o)
WITH p, o, old, datetime($now) AS now
FOREACH (_ IN CASE WHEN old IS NOT NULL AND old.level <> $level AND (old.since IS NULL OR old.since < now) THEN [1] ELSE [] END |
  CREATE (p)-[ended:HAD_SHARING]->(o) SET ended = properties(old), ended.until = now)
FOREACH (_ IN CASE WHEN old IS NOT NULL AND old.level <> $level THEN [1] ELSE [] END | DELETE old)
WITH DISTINCT p, o, now
MERGE (p)-[g:SHARES_WITH]->(o)
ON CREATE SET g.since = now
SET g.level = $level
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
