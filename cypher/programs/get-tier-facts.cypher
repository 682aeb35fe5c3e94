// Returns {partnerId, currentTier, certifiedCapabilities, wonDeals [{dealId, amountMinor, currency, sourced, otherPartners}]} for each of $partnerIds that is a partner (a PARTNER viewer finds only itself): its tier at $asOf (time/tier-at), the capabilities it holds at $asOf at CERTIFIED or EXPERT (time/holds-at), and the CLOSED_WON deals closed in ($from, $asOf] it takes part in, with whether it sourced each and how many other partners take part (its participants but this one: the deal's degree, as only partners participate) (README, "Programs and tiers"). PARTICIPATES_IN always ends at a Deal; leaving the label out keeps the planner expanding from each partner instead of scanning every deal's closedAt index once per partner. Params: $partnerIds, $from, $asOf.
MATCH (p:Partner) WHERE p.id IN $partnerIds AND {{scope/partner-self(p)}}
RETURN p.id AS partnerId,
       {{time/tier-at(p, $asOf)}} AS currentTier,
       size(COLLECT {
         MATCH (p)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(c:Capability)
         WHERE h.level IN ['CERTIFIED', 'EXPERT'] AND {{time/holds-at(h, $asOf)}}
         RETURN DISTINCT c.id
       }) AS certifiedCapabilities,
       COLLECT {
         MATCH (p)-[r:PARTICIPATES_IN]->(d)
         WHERE d.stage = 'CLOSED_WON' AND d.closedAt > $from AND d.closedAt <= $asOf
         RETURN {dealId: d.id, amountMinor: d.amountMinor, currency: d.currency, sourced: coalesce(r.sourced, false),
                 otherPartners: COUNT { (d)<-[:PARTICIPATES_IN]-() } - 1} AS deal
         ORDER BY d.id
       } AS wonDeals
