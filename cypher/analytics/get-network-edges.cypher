// Returns {a, b, customers, integrated, deals} for every pair of eligible partners (a < b by id) with w > 0, where
// w = customers + 3 × integrated + 2 × deals (README, partner network). For a PARTNER viewer v, only accounts v may see
// count (its own, and those of partners granting it FULL, or OVERLAPS on customers v has an account on) and only deals
// v takes part in; integrations are public. No params.
MATCH (p:Partner)
WHERE p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
CALL (p) {
  MATCH (p)-[:HAS_ACCOUNT]->(c:Customer)<-[:HAS_ACCOUNT]-(q:Partner)
  WHERE p.id < q.id AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
    AND ($viewerPartnerId IS NULL OR all(o IN [p, q] WHERE o.id = $viewerPartnerId
         OR EXISTS { (o)-[:SHARES_WITH {level: 'FULL'}]->(:Partner {id: $viewerPartnerId}) }
         OR (EXISTS { (o)-[:SHARES_WITH {level: 'OVERLAPS'}]->(:Partner {id: $viewerPartnerId}) }
             AND EXISTS { (c)<-[:HAS_ACCOUNT]-(:Partner {id: $viewerPartnerId}) })))
  RETURN q, count(DISTINCT c) AS customers, 0 AS integrated, 0 AS deals
  UNION ALL
  MATCH (p)-[:INTEGRATES_WITH]-(q:Partner)
  WHERE p.id < q.id AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
  RETURN DISTINCT q, 0 AS customers, 1 AS integrated, 0 AS deals
  UNION ALL
  MATCH (p)-[:PARTICIPATES_IN]->(d:Deal)<-[:PARTICIPATES_IN]-(q:Partner)
  WHERE p.id < q.id AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
    AND ($viewerPartnerId IS NULL OR EXISTS { (d)<-[:PARTICIPATES_IN]-(:Partner {id: $viewerPartnerId}) })
  RETURN q, 0 AS customers, 0 AS integrated, count(DISTINCT d) AS deals
}
WITH p.id AS a, q.id AS b, sum(customers) AS customers, max(integrated) AS integrated, sum(deals) AS deals
RETURN a, b, customers, integrated, deals
