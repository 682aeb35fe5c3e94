// partner-deals(p): Partner.deals, the deals p participates in that the viewer may see, ordered by deal id; binds r (the PARTICIPATES_IN relationship) and d (the deal). As partners/get-partner-deals.
MATCH (p)-[r:PARTICIPATES_IN]->(d:Deal)
WHERE {{scope/deal-visible(d)}}
WITH p, r, d ORDER BY d.id
