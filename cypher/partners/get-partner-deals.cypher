// Returns {key: partner id, items: [{deal, role, sourced, registeredAt}] ordered by deal id} for each partner in $ids; for a PARTNER viewer only deals it is on. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[r:PARTICIPATES_IN]->(d:Deal)
WHERE {{scope/deal-visible(d)}}
WITH id, r, d ORDER BY d.id
RETURN id AS key, collect({deal: d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])}, role: r.role, sourced: coalesce(r.sourced, false), registeredAt: r.registeredAt}) AS items
