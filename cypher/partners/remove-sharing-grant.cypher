// Removes the grant from $partnerId to $withPartnerId if there is one; returns {node}: the grantor. Params: $partnerId, $withPartnerId.
MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (p)-[g:SHARES_WITH]->(:Partner {id: $withPartnerId})
DELETE g
RETURN DISTINCT p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
