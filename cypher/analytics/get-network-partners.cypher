// Returns {partner, capabilities: [{id, name}]} for every eligible (ACTIVE or ONBOARDING) partner, ordered by id: the nodes of the partner network. No params.
MATCH (p:Partner)
WHERE p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS partner,
       [(p)-[:HAS_CAPABILITY]->(c:Capability) | c {.id, .name}] AS capabilities
ORDER BY partner.id
