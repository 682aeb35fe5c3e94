// Returns {id, customerId, stage, createdAt, registrationStatus, lastStageChangeAt} for every open APPROVED deal (candidates for expiry), ordered by id. No parameters.
MATCH (d:Deal)
WHERE d.registrationStatus = 'APPROVED' AND NOT d.stage IN ['CLOSED_WON', 'CLOSED_LOST']
RETURN d.id AS id, head([(d)-[:FOR_CUSTOMER]->(c:Customer) | c.id]) AS customerId, d.stage AS stage, d.createdAt AS createdAt,
       d.registrationStatus AS registrationStatus,
       reduce(m = null, at IN [(d)-[:HAS_EVENT]->(e:DealEvent {kind: 'STAGE_CHANGED'}) | e.at] | CASE WHEN m IS NULL OR at > m THEN at ELSE m END) AS lastStageChangeAt
ORDER BY id
