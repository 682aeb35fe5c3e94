// Returns {start, activePartners, partnersActivated, partnersLost, accounts, demanded, covered} for each period of $periods ([{start, end}], DateTimes, half-open): stages and accounts as of each periodEnd (time/stage-at, time/holds-at), stage-history entries in [periodStart, periodEnd), and capability coverage at the periodEnd. Params: $periods.
UNWIND $periods AS period
WITH period.start AS periodStart, period.end AS periodEnd
CALL (periodStart, periodEnd) {
  MATCH (p:Partner)
  WITH p, periodStart, periodEnd, range(0, size(coalesce(p.stageHistoryAt, [])) - 1) AS entries
  RETURN count(CASE WHEN {{time/stage-at(p, periodEnd)}} = 'ACTIVE' THEN p END) AS activePartners,
         count(CASE WHEN any(i IN entries WHERE p.stageHistoryStages[i] = 'ACTIVE' AND periodStart <= p.stageHistoryAt[i] < periodEnd) THEN p END) AS partnersActivated,
         count(CASE WHEN any(i IN entries WHERE p.stageHistoryStages[i] IN ['DORMANT', 'OFFBOARDED'] AND periodStart <= p.stageHistoryAt[i] < periodEnd) THEN p END) AS partnersLost
}
// Accounts at the periodEnd: the current ones begun by then (all less those begun after, through the since index) and the
// ended ones that held then (through the until index).
CALL (periodEnd) {
  RETURN COUNT { ()-[a:HAS_ACCOUNT]->() } - COUNT { ()-[a:HAS_ACCOUNT]->() WHERE a.since > periodEnd }
         + COUNT { ()-[a:HAD_ACCOUNT]->() WHERE a.until > periodEnd AND (a.since IS NULL OR a.since <= periodEnd) } AS accounts
}
CALL (periodEnd) {
  MATCH (c:Capability)
  WHERE EXISTS { (:Customer)-[:NEEDS]->(c) }
     OR EXISTS { MATCH (s:Solution)-[:REQUIRES]->(c) WHERE coalesce(s.status, 'DRAFT') <> 'RETIRED' }
  RETURN count(c) AS demanded,
         count(CASE WHEN EXISTS { MATCH (p:Partner)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(c)
                                  WHERE {{time/holds-at(h, periodEnd)}} AND coalesce({{time/stage-at(p, periodEnd)}}, 'ACTIVE') IN ['ACTIVE', 'ONBOARDING'] } THEN c END) AS covered
}
RETURN periodStart AS start, activePartners, partnersActivated, partnersLost, accounts, demanded, covered
ORDER BY start
