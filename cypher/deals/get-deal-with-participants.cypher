// Returns {deal, participants [{partnerId, role, sourced, registeredAt}] ordered by partner id} for one deal (no row when missing or when the viewer is not on it). Params: $dealId.
MATCH (d:Deal {id: $dealId})
WHERE {{scope/deal-visible(d)}}
RETURN d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])} AS deal,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(d) RETURN {partnerId: p.id, role: r.role, sourced: coalesce(r.sourced, false), registeredAt: coalesce(r.registeredAt, d.createdAt)} AS participant ORDER BY p.id } AS participants
