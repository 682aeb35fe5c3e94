// Returns {partnerFound, deals [{stage, amountMinor, currency, sourced}]}: the partner's deals closed in [$from, $to) and its open deals; a PARTNER viewer finds only itself. Params: $partnerId, $from, $to.
OPTIONAL MATCH (p:Partner {id: $partnerId})
WHERE {{scope/partner-self(p)}}
RETURN p IS NOT NULL AS partnerFound,
       COLLECT {
         MATCH (p)-[r:PARTICIPATES_IN]->(d:Deal)
         WHERE NOT d.stage IN ['CLOSED_WON', 'CLOSED_LOST']
            OR (d.closedAt >= datetime($from) AND d.closedAt < datetime($to))
         RETURN {stage: d.stage, amountMinor: d.amountMinor, currency: d.currency, sourced: coalesce(r.sourced, false)} AS deal
       } AS deals
