// Lets $withPartnerId see the accounts of $partnerId at a level (replacing an earlier level); returns {node}: the grantor. Params: $partnerId, $withPartnerId, $level.
MATCH (p:Partner {id: $partnerId}), (o:Partner {id: $withPartnerId})
MERGE (p)-[g:SHARES_WITH]->(o)
SET g.level = $level
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
