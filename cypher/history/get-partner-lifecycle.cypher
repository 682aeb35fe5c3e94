// Returns one row {partner, stages, ats, deals: [{createdAt, stage, closedAt}]} for $partnerId: its stage history (parallel lists, sorted by at) and the deals it participates in; no row when the partner does not exist or, for a PARTNER viewer, is not the viewer. Params: $partnerId.
MATCH (p:Partner {id: $partnerId})
WHERE {{scope/partner-self(p)}}
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS partner,
       coalesce(p.stageHistoryStages, []) AS stages, coalesce(p.stageHistoryAt, []) AS ats,
       COLLECT { MATCH (p)-[:PARTICIPATES_IN]->(d:Deal) RETURN d {.createdAt, .stage, .closedAt} AS deal } AS deals
