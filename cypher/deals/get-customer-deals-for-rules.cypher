// Returns {id, createdAt, stage, registrationStatus, resellerIds, participants [{partnerId, role}], direct, lastStageChangeAt} for every deal on the customer except $excludeDealId, in registration order (createdAt, then id): what the rules of engagement read (src/policy/rules.ts). Params: $customerId, $excludeDealId (or null).
MATCH (d:Deal)-[:FOR_CUSTOMER]->(:Customer {id: $customerId})
WHERE $excludeDealId IS NULL OR d.id <> $excludeDealId
RETURN d.id AS id, d.createdAt AS createdAt, d.stage AS stage, d.registrationStatus AS registrationStatus,
       [(p:Partner)-[r:PARTICIPATES_IN {role: 'RESELLER'}]->(d) | p.id] AS resellerIds,
       [(p:Partner)-[r:PARTICIPATES_IN]->(d) | {partnerId: p.id, role: r.role}] AS participants,
       coalesce(d.direct, false) AS direct,
       reduce(m = null, at IN [(d)-[:HAS_EVENT]->(e:DealEvent {kind: 'STAGE_CHANGED'}) | e.at] | CASE WHEN m IS NULL OR at > m THEN at ELSE m END) AS lastStageChangeAt
ORDER BY createdAt, id
