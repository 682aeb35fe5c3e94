// Removes the capability from the partner if it had it; returns {node}: the partner. Params: $partnerId, $capabilityId.
MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (p)-[h:HAS_CAPABILITY]->(:Capability {id: $capabilityId})
DELETE h
RETURN DISTINCT p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
