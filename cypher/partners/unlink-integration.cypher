// Removes the integration between two partners (either direction); returns {node}: the partner $partnerId. Params: $partnerId, $otherPartnerId.
MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (p)-[r:INTEGRATES_WITH]-(:Partner {id: $otherPartnerId})
DELETE r
RETURN DISTINCT p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
