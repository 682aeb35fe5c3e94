// Returns {a, b, customers, integrated, deals} for every pair of eligible partners (a < b by id) with w > 0, where
// w = customers + 3 × integrated + 2 × deals (README, "Network analytics"). For a PARTNER viewer v, only accounts v may
// see count (its own, and those of partners granting it FULL, or OVERLAPS on customers v has an account on) and only
// deals v takes part in; integrations are public. No params.
// Pairs are built per customer and per deal from the list of its eligible partners' ids (each account and
// participation read once, its partner's properties once), then summed per pair in one hash aggregation.
CALL () {
  MATCH (c:Customer)<-[:HAS_ACCOUNT]-(p:Partner)
  WHERE p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
    AND {{scope/account-visible(p, c)}}
  WITH c, collect(DISTINCT p.id) AS ids
  WHERE size(ids) > 1
  UNWIND ids AS a
  UNWIND ids AS b
  WITH a, b WHERE a < b
  RETURN a, b, count(*) AS customers, 0 AS integrated, 0 AS deals
  UNION ALL
  MATCH (p:Partner)-[:INTEGRATES_WITH]-(q:Partner)
  WHERE p.id < q.id AND p.lifecycleStage IN ['ACTIVE', 'ONBOARDING'] AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
  RETURN DISTINCT p.id AS a, q.id AS b, 0 AS customers, 1 AS integrated, 0 AS deals
  UNION ALL
  MATCH (d:Deal)<-[:PARTICIPATES_IN]-(p:Partner)
  WHERE p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
    AND {{scope/deal-visible(d)}}
  WITH d, collect(DISTINCT p.id) AS ids
  WHERE size(ids) > 1
  UNWIND ids AS a
  UNWIND ids AS b
  WITH a, b WHERE a < b
  RETURN a, b, 0 AS customers, 0 AS integrated, count(*) AS deals
}
WITH a, b, sum(customers) AS customers, max(integrated) AS integrated, sum(deals) AS deals
RETURN a, b, customers, integrated, deals
