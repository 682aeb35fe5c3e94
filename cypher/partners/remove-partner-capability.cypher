// Ends the partner's holding of the capability at $now if it had it: re-typed HAD_CAPABILITY with until = $now (README "Time"; an interval that began at $now is dropped); returns {node}: the partner. Params: $partnerId, $capabilityId, $now.
MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (p)-[h:HAS_CAPABILITY]->(c:Capability {id: $capabilityId})
WITH p, h, c, datetime($now) AS now
FOREACH (_ IN CASE WHEN h IS NOT NULL AND (h.since IS NULL OR h.since < now) THEN [1] ELSE [] END |
  CREATE (p)-[ended:HAD_CAPABILITY]->(c) SET ended = properties(h), ended.until = now)
DELETE h
RETURN DISTINCT p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
