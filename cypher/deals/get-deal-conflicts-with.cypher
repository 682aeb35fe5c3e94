// Returns {key: deal id, items: [deal]} for each open deal in $ids that has a reseller: the earlier (createdAt, then id) open APPROVED deals on the same customer with a RESELLER participant where this deal brings a reseller that deal lacks (as src/deals/rules-of-engagement.ts), in registration order; for a PARTNER viewer only deals it is on. Params: $ids.
UNWIND $ids AS id
MATCH (d:Deal {id: id})-[:FOR_CUSTOMER]->(c:Customer)
WHERE NOT d.stage IN ['CLOSED_WON', 'CLOSED_LOST']
WITH id, d, c, [(p:Partner)-[:PARTICIPATES_IN {role: 'RESELLER'}]->(d) | p.id] AS mine
WHERE size(mine) > 0
MATCH (e:Deal)-[:FOR_CUSTOMER]->(c)
WHERE e <> d AND {{scope/deal-visible(e)}}
  AND e.registrationStatus = 'APPROVED' AND NOT e.stage IN ['CLOSED_WON', 'CLOSED_LOST']
  AND (e.createdAt < d.createdAt OR (e.createdAt = d.createdAt AND e.id < d.id))
WITH id, mine, e, [(q:Partner)-[:PARTICIPATES_IN {role: 'RESELLER'}]->(e) | q.id] AS theirs
WHERE size(theirs) > 0 AND any(m IN mine WHERE NOT m IN theirs)
WITH id, e ORDER BY e.createdAt, e.id
RETURN id AS key, collect(e {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(e)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(e)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])}) AS items
