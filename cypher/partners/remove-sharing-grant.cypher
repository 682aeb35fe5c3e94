// Ends the grant from $partnerId to $withPartnerId at $now if there is one: re-typed HAD_SHARING with until = $now (README "Time"; an interval that began at $now is dropped); returns {node}: the grantor. Params: $partnerId, $withPartnerId, $now.
MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (p)-[g:SHARES_WITH]->(o:Partner {id: $withPartnerId})
WITH p, g, o, datetime($now) AS now
FOREACH (_ IN CASE WHEN g IS NOT NULL AND (g.since IS NULL OR g.since < now) THEN [1] ELSE [] END |
  CREATE (p)-[ended:HAD_SHARING]->(o) SET ended = properties(g), ended.until = now)
DELETE g
RETURN DISTINCT p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
