// Gives the partner the capability at a level (since = $now); another level than the current one ends that holding (HAD_CAPABILITY, until = $now) and opens the next, the same level changes nothing (README "Time"); every holding carries hubId = its capability's id (migration 010-hub-ids); returns {node}: the partner. Params: $partnerId, $capabilityId, $level, $now.
MATCH (p:Partner {id: $partnerId}), (c:Capability {id: $capabilityId})
OPTIONAL MATCH (p)-[old:HAS_CAPABILITY]->(c)
WITH p, c, old, datetime($now) AS now
FOREACH (_ IN CASE WHEN old IS NOT NULL AND old.level <> $level AND (old.since IS NULL OR old.since < now) THEN [1] ELSE [] END |
  CREATE (p)-[ended:HAD_CAPABILITY]->(c) SET ended = properties(old), ended.until = now)
FOREACH (_ IN CASE WHEN old IS NOT NULL AND old.level <> $level THEN [1] ELSE [] END | DELETE old)
WITH DISTINCT p, c, now
MERGE (p)-[h:HAS_CAPABILITY]->(c)
ON CREATE SET h.since = now
SET h.level = $level, h.hubId = c.id
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
