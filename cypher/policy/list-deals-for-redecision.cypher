// Returns every deal as the rules read it, with its customer's region and industry and its partners' territories: {id, customerId, customerRegion, customerIndustry, stage, createdAt, registrationStatus, decisionRule, direct, lastStageChangeAt, participants [{partnerId, role, regions, industries}]}, ordered by id. Params: $customerIds (only their deals; null for every deal).
MATCH (d:Deal)-[:FOR_CUSTOMER]->(c:Customer)
WHERE $customerIds IS NULL OR c.id IN $customerIds
RETURN d.id AS id, c.id AS customerId, c.region AS customerRegion, c.industry AS customerIndustry, d.stage AS stage,
       d.createdAt AS createdAt, d.registrationStatus AS registrationStatus, d.decisionRule AS decisionRule, coalesce(d.direct, false) AS direct,
       reduce(m = null, at IN [(d)-[:HAS_EVENT]->(e:DealEvent {kind: 'STAGE_CHANGED'}) | e.at] | CASE WHEN m IS NULL OR at > m THEN at ELSE m END) AS lastStageChangeAt,
       [(p:Partner)-[r:PARTICIPATES_IN]->(d) | {partnerId: p.id, role: r.role, regions: coalesce(p.regions, []), industries: coalesce(p.industries, [])}] AS participants
ORDER BY id
