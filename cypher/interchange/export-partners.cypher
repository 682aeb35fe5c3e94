// Returns {id, name, types, tier, lifecycleStage, regions, industries, website, capabilities: [{capabilityId, level}], integratesWith: [id], sharing: [{partnerId, level}], externalIds: [{system, id}]} for every partner, ordered by id. No parameters.
MATCH (p:Partner)
RETURN p.id AS id, p.name AS name, p.types AS types, p.tier AS tier, p.lifecycleStage AS lifecycleStage,
       p.regions AS regions, p.industries AS industries, p.website AS website,
       COLLECT { MATCH (p)-[h:HAS_CAPABILITY]->(c:Capability) RETURN {capabilityId: c.id, level: h.level} } AS capabilities,
       COLLECT { MATCH (p)-[:INTEGRATES_WITH]-(other:Partner) RETURN DISTINCT other.id } AS integratesWith,
       COLLECT { MATCH (p)-[g:SHARES_WITH]->(grantee:Partner) RETURN {partnerId: grantee.id, level: g.level} } AS sharing,
       COLLECT { MATCH (p)-[:HAS_EXTERNAL_ID]->(x:ExternalId) RETURN {system: x.system, id: x.value} } AS externalIds
ORDER BY id
