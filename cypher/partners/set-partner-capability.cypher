// Gives the partner the capability at a level (replacing an earlier level); returns {node}: the partner. Params: $partnerId, $capabilityId, $level.
MATCH (p:Partner {id: $partnerId}), (c:Capability {id: $capabilityId})
MERGE (p)-[h:HAS_CAPABILITY]->(c)
SET h.level = $level
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
