// Returns {id, amountMinor, currency, participants [{partnerId, sourced}]} for each CLOSED_WON deal closed in [$from, $to), ordered by id. Params: $from, $to.
MATCH (d:Deal {stage: 'CLOSED_WON'})
WHERE d.closedAt >= datetime($from) AND d.closedAt < datetime($to)
RETURN d.id AS id, d.amountMinor AS amountMinor, d.currency AS currency,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(d) RETURN {partnerId: p.id, sourced: coalesce(r.sourced, false)} AS participant ORDER BY p.id } AS participants
ORDER BY d.id
