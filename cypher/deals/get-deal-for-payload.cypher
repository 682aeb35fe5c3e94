// Returns {node, participants} for the deal $id as a deal mutation answers it, read in the mutation's own transaction: node as get-deals-by-ids returns it (no row when missing or when the viewer is not on it), participants as get-deal-participants returns its items ([{partner, role, sourced, registeredAt}] ordered by partner id), so the payload's participants need no read after commit. Params: $id.
MATCH (d:Deal {id: $id})
WHERE {{scope/deal-visible(d)}}
RETURN d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])} AS node,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(d) WITH p, r ORDER BY p.id RETURN {partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, role: r.role, sourced: coalesce(r.sourced, false), registeredAt: r.registeredAt} AS participant } AS participants
