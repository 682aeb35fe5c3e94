// Returns {id, name, types, tier, lifecycleStage, regions, industries, website, capabilities: [{capabilityId, level, since, until}], integrations: [{partnerId, since, until}], sharing: [{partnerId, level, since, until}], stageHistory: [{stage, at}], tierHistory: [{tier, at}], externalIds: [{system, id}]} for every partner, ordered by id; relationships current (HAS_*) and ended (HAD_*), histories from the parallel list properties (README "Time"). No parameters.
MATCH (p:Partner)
RETURN p.id AS id, p.name AS name, p.types AS types, p.tier AS tier, p.lifecycleStage AS lifecycleStage,
       p.regions AS regions, p.industries AS industries, p.website AS website,
       COLLECT { MATCH (p)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(c:Capability) RETURN {capabilityId: c.id, level: h.level, since: h.since, until: h.until} } AS capabilities,
       COLLECT { MATCH (p)-[r:INTEGRATES_WITH|HAD_INTEGRATION]-(other:Partner) RETURN {partnerId: other.id, since: r.since, until: r.until} } AS integrations,
       COLLECT { MATCH (p)-[g:SHARES_WITH|HAD_SHARING]->(grantee:Partner) RETURN {partnerId: grantee.id, level: g.level, since: g.since, until: g.until} } AS sharing,
       [i IN range(0, size(coalesce(p.stageHistoryAt, [])) - 1) | {stage: p.stageHistoryStages[i], at: p.stageHistoryAt[i]}] AS stageHistory,
       [i IN range(0, size(coalesce(p.tierHistoryAt, [])) - 1) | {tier: p.tierHistoryTiers[i], at: p.tierHistoryAt[i]}] AS tierHistory,
       COLLECT { MATCH (p)-[:HAS_EXTERNAL_ID]->(x:ExternalId) RETURN {system: x.system, id: x.value} } AS externalIds
ORDER BY id
