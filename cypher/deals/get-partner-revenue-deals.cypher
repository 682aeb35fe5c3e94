// Returns {partnerFound, deals [{stage, amountMinor, currency, sourced, frozenShare (the partner's minor units in the deal's frozen attribution; null without one)}]}: the partner's deals closed in [$from, $to) and its open deals; a PARTNER viewer finds only itself. Params: $partnerId, $from, $to.
OPTIONAL MATCH (p:Partner {id: $partnerId})
WHERE {{scope/partner-self(p)}}
RETURN p IS NOT NULL AS partnerFound,
       COLLECT {
         MATCH (p)-[r:PARTICIPATES_IN]->(d:Deal)
         WHERE NOT d.stage IN ['CLOSED_WON', 'CLOSED_LOST']
            OR (d.closedAt >= datetime($from) AND d.closedAt < datetime($to))
         RETURN {stage: d.stage, amountMinor: d.amountMinor, currency: d.currency, sourced: coalesce(r.sourced, false),
                 frozenShare: CASE WHEN d.attributionPartnerIds IS NULL THEN null
                   ELSE coalesce(head([i IN range(0, size(d.attributionPartnerIds) - 1) WHERE d.attributionPartnerIds[i] = p.id | d.attributionMinors[i]]), 0) END} AS deal
       } AS deals
