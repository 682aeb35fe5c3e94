// Returns {id, customerId, stage, registrationStatus, createdAt, direct, participants [{partnerId, role, sourced}] ordered by partner id} for one deal (no row when missing). Params: $dealId.
MATCH (d:Deal {id: $dealId})
RETURN d.id AS id, head([(d)-[:FOR_CUSTOMER]->(c:Customer) | c.id]) AS customerId, d.stage AS stage,
       d.registrationStatus AS registrationStatus, d.createdAt AS createdAt, coalesce(d.direct, false) AS direct,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(d) RETURN {partnerId: p.id, role: r.role, sourced: coalesce(r.sourced, false)} AS participant ORDER BY p.id } AS participants
