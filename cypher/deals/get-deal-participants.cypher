// Returns {key: deal id, items: [{partner, role, sourced, registeredAt}] ordered by partner id} for each deal in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner)-[r:PARTICIPATES_IN]->(:Deal {id: id})
WITH id, p, r ORDER BY p.id
RETURN id AS key, collect({partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, role: r.role, sourced: coalesce(r.sourced, false), registeredAt: r.registeredAt}) AS items
