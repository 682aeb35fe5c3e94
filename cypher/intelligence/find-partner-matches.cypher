// Returns {partner, sharedCustomerCount, customersNeedingComplement, integrated, sharedRegions, sharedIndustries, complementary: [{capability, neededBy}] ordered by capability id, score} for the best $first complementary eligible partners of $partnerId, by score descending then id. Params: $partnerId, $first.
MATCH (p:Partner {id: $partnerId})
WITH p, [(p)-[:HAS_CAPABILITY]->(own:Capability) | own.id] AS ownCaps
// Signals gathered from p's side, then summed per candidate (a hash aggregation, not a lookup per candidate).
CALL (p, ownCaps) {
  MATCH (p)-[:HAS_ACCOUNT]->(u:Customer)<-[:HAS_ACCOUNT]-(q:Partner)
  WHERE q <> p AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
  RETURN q, count(DISTINCT u) AS shared, 0 AS needing
  UNION ALL
  MATCH (p)-[:HAS_ACCOUNT]->(u:Customer)-[:NEEDS]->(c:Capability)<-[:HAS_CAPABILITY]-(q:Partner)
  WHERE NOT c.id IN ownCaps AND q <> p AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
  RETURN q, 0 AS shared, count(DISTINCT u) AS needing
  UNION ALL
  MATCH (q:Partner)
  WHERE q.lifecycleStage IN ['ACTIVE', 'ONBOARDING'] AND q <> p
  RETURN q, 0 AS shared, 0 AS needing
}
WITH p, ownCaps, q, sum(shared) AS shared, sum(needing) AS needing
WITH p, ownCaps, q, shared, needing, [(q)-[:HAS_CAPABILITY]->(c:Capability) WHERE NOT c.id IN ownCaps | c] AS complementary
WHERE size(complementary) > 0
WITH p, q, shared, needing, complementary,
     EXISTS { (p)-[:INTEGRATES_WITH]-(q) } AS integrated,
     [r IN coalesce(q.regions, []) WHERE r IN coalesce(p.regions, [])] AS sharedRegions,
     [i IN coalesce(q.industries, []) WHERE i IN coalesce(p.industries, [])] AS sharedIndustries
WITH p, q, shared, needing, complementary, integrated, sharedRegions, sharedIndustries,
     3.0 * shared + 2.0 * needing + CASE WHEN integrated THEN 5.0 ELSE 0.0 END
       + size(sharedRegions) + size(sharedIndustries) + 0.5 * size(complementary) AS score
ORDER BY score DESC, q.id ASC
LIMIT $first
RETURN q {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS partner,
       shared AS sharedCustomerCount, needing AS customersNeedingComplement, integrated, sharedRegions, sharedIndustries, score,
       [c IN complementary | {
          capability: c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])},
          neededBy: COUNT { (p)-[:HAS_ACCOUNT]->(:Customer)-[:NEEDS]->(c) }
       }] AS complementary
ORDER BY score DESC, partner.id ASC
