// Returns {id, createdAt, stage, registrationStatus, resellerIds} for every deal on the customer except $excludeDealId, in registration order (createdAt, then id). Params: $customerId, $excludeDealId (or null).
MATCH (d:Deal)-[:FOR_CUSTOMER]->(:Customer {id: $customerId})
WHERE $excludeDealId IS NULL OR d.id <> $excludeDealId
RETURN d.id AS id, d.createdAt AS createdAt, d.stage AS stage, d.registrationStatus AS registrationStatus,
       [(p:Partner)-[r:PARTICIPATES_IN {role: 'RESELLER'}]->(d) | p.id] AS resellerIds
ORDER BY createdAt, id
