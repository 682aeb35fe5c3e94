// Returns {id, name, customerId, solutionId, stage, amountMinor, currency, createdAt, closedAt, registrationStatus, participants: [{partnerId, role, sourced, registeredAt}], externalIds: [{system, id}]} for every deal, ordered by id. No parameters.
MATCH (d:Deal)
OPTIONAL MATCH (d)-[:FOR_CUSTOMER]->(u:Customer)
OPTIONAL MATCH (d)-[:FOR_SOLUTION]->(s:Solution)
RETURN d.id AS id, d.name AS name, u.id AS customerId, s.id AS solutionId, d.stage AS stage, d.amountMinor AS amountMinor,
       d.currency AS currency, d.createdAt AS createdAt, d.closedAt AS closedAt, d.registrationStatus AS registrationStatus,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(d) RETURN {partnerId: p.id, role: r.role, sourced: r.sourced, registeredAt: r.registeredAt} } AS participants,
       COLLECT { MATCH (d)-[:HAS_EXTERNAL_ID]->(x:ExternalId) RETURN {system: x.system, id: x.value} } AS externalIds
ORDER BY id
