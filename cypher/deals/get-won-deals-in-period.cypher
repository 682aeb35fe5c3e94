// Returns {id, amountMinor, currency, participants [{partnerId, sourced}], frozen {partnerIds, minors} (the frozen or dispute-revised attribution shares; null without a snapshot)} for each CLOSED_WON deal closed in [$from, $to), ordered by id. Params: $from, $to.
MATCH (d:Deal {stage: 'CLOSED_WON'})
WHERE d.closedAt >= datetime($from) AND d.closedAt < datetime($to)
RETURN d.id AS id, d.amountMinor AS amountMinor, d.currency AS currency,
       COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(d) RETURN {partnerId: p.id, sourced: coalesce(r.sourced, false)} AS participant ORDER BY p.id } AS participants,
       CASE WHEN d.attributionModel IS NULL THEN null
         ELSE {partnerIds: coalesce(d.attributionPartnerIds, []), minors: coalesce(d.attributionMinors, [])} END AS frozen
ORDER BY d.id
