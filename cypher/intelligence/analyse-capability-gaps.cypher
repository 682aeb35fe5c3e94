// Returns one row {capabilities: [{capability, customerDemand, solutionDemand, supply, status}]}: every capability with demand, ordered GAP, THIN, COVERED, then total demand descending, then id.
// One row, not one per capability: the API converts each record it receives (BENCHMARKS.md, "coSellRecommendations and gapAnalysis"). Params: $region, $industry (or null).
// Demand and supply are counted from the customers and partners in scope, each visited once (customers through the
// region/industry indexes: one branch below runs, the one whose parameters are given), not per capability.
CALL () {
  MATCH (u:Customer) WHERE u.region = $region AND u.industry = $industry
  MATCH (u)-[:NEEDS]->(c:Capability)
  RETURN c, count(u) AS customers
  UNION ALL
  MATCH (u:Customer) WHERE $industry IS NULL AND u.region = $region
  MATCH (u)-[:NEEDS]->(c:Capability)
  RETURN c, count(u) AS customers
  UNION ALL
  MATCH (u:Customer) WHERE $region IS NULL AND u.industry = $industry
  MATCH (u)-[:NEEDS]->(c:Capability)
  RETURN c, count(u) AS customers
  UNION ALL
  // Unscoped: each capability's NEEDS degree (only customers need capabilities).
  MATCH (c:Capability) USING INDEX c:Capability(id)
  WHERE c.id IS NOT NULL AND $region IS NULL AND $industry IS NULL
  RETURN c, COUNT { (c)<-[:NEEDS]-() } AS customers
}
WITH collect({capability: c, customers: customers}) AS demand
CALL () {
  MATCH (p:Partner)
  WHERE p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
    AND ($region IS NULL OR $region IN p.regions)
    AND ($industry IS NULL OR $industry IN p.industries)
  MATCH (p)-[:HAS_CAPABILITY]->(c:Capability)
  WITH c, count(p) AS partners
  RETURN collect({capability: c, partners: partners}) AS supplied
}
// Every capability of the taxonomy (hundreds), through its id index.
MATCH (c:Capability) USING INDEX c:Capability(id)
WHERE c.id IS NOT NULL
WITH c, coalesce(head([d IN demand WHERE d.capability = c | d.customers]), 0) AS customerDemand,
     COUNT { (s:Solution)-[:REQUIRES]->(c) WHERE s.status IS NULL OR s.status <> 'RETIRED' } AS solutionDemand, supplied
WHERE customerDemand + solutionDemand > 0
WITH c, customerDemand, solutionDemand, coalesce(head([x IN supplied WHERE x.capability = c | x.partners]), 0) AS supply
WITH c, customerDemand, solutionDemand, supply,
     CASE supply WHEN 0 THEN 'GAP' WHEN 1 THEN 'THIN' ELSE 'COVERED' END AS status,
     CASE supply WHEN 0 THEN 0 WHEN 1 THEN 1 ELSE 2 END AS statusRank
ORDER BY statusRank, customerDemand + solutionDemand DESC, c.id
RETURN collect({capability: c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])},
                customerDemand: customerDemand, solutionDemand: solutionDemand, supply: supply, status: status}) AS capabilities
