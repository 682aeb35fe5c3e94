// Ends the integration between two partners (either direction) at $now: re-typed HAD_INTEGRATION in the same direction with until = $now (README "Time"; an interval that began at $now is dropped); returns {node}: the partner $partnerId. Params: $partnerId, $otherPartnerId, $now.
MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (p)-[r:INTEGRATES_WITH]-(:Partner {id: $otherPartnerId})
WITH p, r, startNode(r) AS low, endNode(r) AS high, datetime($now) AS now
FOREACH (_ IN CASE WHEN r IS NOT NULL AND (r.since IS NULL OR r.since < now) THEN [1] ELSE [] END |
  CREATE (low)-[ended:HAD_INTEGRATION]->(high) SET ended = properties(r), ended.until = now)
DELETE r
RETURN DISTINCT p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
