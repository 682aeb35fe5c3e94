// Returns {partner, sharedCustomerCount, customersNeedingComplement, integrated, sharedRegions, sharedIndustries, complementary: [{capability, neededBy}], score} for the best $first complementary eligible partners of $partnerId, by score descending then id.
// A PARTNER viewer gets matches only for itself; a candidate's shared customers count (and sharedCustomerCount is not null) only when the candidate grants the viewer a sharing level. Params: $partnerId, $first.
MATCH (p:Partner {id: $partnerId})
WHERE $viewerPartnerId IS NULL OR p.id = $viewerPartnerId
WITH p, [(p)-[:HAS_CAPABILITY]->(own:Capability) | own.id] AS ownCaps
// What p's customers need and p lacks: per capability, the customers needing it (one pass over p's accounts).
CALL (p, ownCaps) {
  MATCH (p)-[:HAS_ACCOUNT]->(u:Customer)-[:NEEDS]->(c:Capability)
  WHERE NOT c.id IN ownCaps
  WITH c, collect(DISTINCT u) AS needers
  RETURN collect({capability: c, needers: needers}) AS demand
}
// Signals gathered from p's side, then summed per candidate (a hash aggregation, not a lookup per candidate).
CALL (p, demand) {
  MATCH (p)-[:HAS_ACCOUNT]->(u:Customer)<-[:HAS_ACCOUNT]-(q:Partner)
  WHERE q <> p AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING'] AND ($viewerPartnerId IS NULL OR EXISTS { (q)-[:SHARES_WITH]->(p) })
  RETURN q, count(DISTINCT u) AS shared, 0 AS needing
  UNION ALL
  UNWIND demand AS d
  WITH p, d.capability AS c, d.needers AS needers
  MATCH (c)<-[:HAS_CAPABILITY]-(q:Partner)
  WHERE q <> p AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
  WITH q, collect(needers) AS lists
  // Customers needing any of q's complementary capabilities: a union only when q adds several.
  CALL (lists) {
    UNWIND CASE WHEN size(lists) > 1 THEN lists ELSE [] END AS list
    UNWIND list AS u
    RETURN count(DISTINCT u) AS union
  }
  RETURN q, 0 AS shared, CASE WHEN size(lists) = 1 THEN size(lists[0]) ELSE union END AS needing
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
WITH p, collect({q: q, shared: shared, needing: needing, complementary: complementary, integrated: integrated,
                 sharedRegions: sharedRegions, sharedIndustries: sharedIndustries, score: score}) AS top
// For the reasons: how many of p's customers need each capability (one pass over p's accounts, after the cut).
CALL (p) {
  MATCH (p)-[:HAS_ACCOUNT]->(u:Customer)-[:NEEDS]->(c:Capability)
  WITH c, count(DISTINCT u) AS customers
  RETURN collect({capability: c, customers: customers}) AS needCounts
}
UNWIND top AS t
WITH t.q AS q, t, needCounts
RETURN q {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS partner,
       CASE WHEN $viewerPartnerId IS NULL OR EXISTS { (q)-[:SHARES_WITH]->(:Partner {id: $viewerPartnerId}) } THEN t.shared END AS sharedCustomerCount, t.needing AS customersNeedingComplement, t.integrated AS integrated,
       t.sharedRegions AS sharedRegions, t.sharedIndustries AS sharedIndustries, t.score AS score,
       [c IN t.complementary | {
          capability: c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])},
          neededBy: coalesce(head([x IN needCounts WHERE x.capability = c | x.customers]), 0)
       }] AS complementary
ORDER BY score DESC, partner.id ASC
