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
// Signals gathered from p's side, summed per candidate (a hash aggregation, not a lookup per candidate).
// Exact customersNeedingComplement is a union of "customers needing c" lists, costly for partners with many
// accounts, so first bound it (at least the longest list, at most their sum) and keep only the candidates whose
// best possible score reaches the $first-th best worst-case score: the others cannot be in the answer.
CALL (p, ownCaps, demand) {
  CALL (p, demand) {
    MATCH (p)-[:HAS_ACCOUNT]->(u:Customer)<-[:HAS_ACCOUNT]-(q:Partner)
    WHERE q <> p AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING'] AND ($viewerPartnerId IS NULL OR EXISTS { (q)-[:SHARES_WITH]->(p) })
    RETURN q, count(DISTINCT u) AS shared, 0 AS lower, 0 AS upper, [] AS needIdx
    UNION ALL
    UNWIND range(0, size(demand) - 1) AS i
    WITH p, i, demand[i].capability AS c, size(demand[i].needers) AS n
    MATCH (c)<-[:HAS_CAPABILITY]-(q:Partner)
    WHERE q <> p AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
    RETURN q, 0 AS shared, max(n) AS lower, sum(n) AS upper, collect(i) AS needIdx
    UNION ALL
    MATCH (q:Partner)
    WHERE q.lifecycleStage IN ['ACTIVE', 'ONBOARDING'] AND q <> p
    RETURN q, 0 AS shared, 0 AS lower, 0 AS upper, [] AS needIdx
  }
  WITH q, sum(shared) AS shared, max(lower) AS lower, sum(upper) AS upper, collect(needIdx) AS idxLists
  WITH q, shared, lower, upper, reduce(all = [], l IN idxLists | all + l) AS needIdx,
       [(q)-[:HAS_CAPABILITY]->(c:Capability) WHERE NOT c.id IN ownCaps | c] AS complementary
  WHERE size(complementary) > 0
  WITH q, shared, lower, upper, needIdx, complementary,
       EXISTS { (p)-[:INTEGRATES_WITH]-(q) } AS integrated,
       [r IN coalesce(q.regions, []) WHERE r IN coalesce(p.regions, [])] AS sharedRegions,
       [i IN coalesce(q.industries, []) WHERE i IN coalesce(p.industries, [])] AS sharedIndustries
  WITH q, shared, lower, upper, needIdx, complementary, integrated, sharedRegions, sharedIndustries,
       3.0 * shared + CASE WHEN integrated THEN 5.0 ELSE 0.0 END
         + size(sharedRegions) + size(sharedIndustries) + 0.5 * size(complementary) AS base
  WITH collect({q: q, shared: shared, lower: lower, upper: upper, needIdx: needIdx, complementary: complementary,
                integrated: integrated, sharedRegions: sharedRegions, sharedIndustries: sharedIndustries,
                low: base + 2.0 * lower, high: base + 2.0 * upper, base: base}) AS rows
  CALL (rows) {
    UNWIND rows AS r
    WITH r.low AS low ORDER BY low DESC
    RETURN collect(low)[$first - 1] AS threshold
  }
  UNWIND rows AS r
  WITH r WHERE threshold IS NULL OR r.high >= threshold
  RETURN r
}
// For the reasons: how many of p's customers need each capability it lacks (from demand, no second pass).
WITH p, demand, r, [d IN demand | {capability: d.capability, customers: size(d.needers)}] AS needCounts
// The exact union only for the candidates left.
CALL (r, demand) {
  UNWIND CASE WHEN size(r.needIdx) > 1 THEN r.needIdx ELSE [] END AS i
  UNWIND demand[i].needers AS u
  RETURN count(DISTINCT u) AS union
}
WITH p, needCounts, r.q AS q, r.shared AS shared, CASE WHEN size(r.needIdx) > 1 THEN union ELSE r.lower END AS needing,
     r.complementary AS complementary, r.integrated AS integrated, r.sharedRegions AS sharedRegions,
     r.sharedIndustries AS sharedIndustries, r.base AS base
WITH p, needCounts, q, shared, needing, complementary, integrated, sharedRegions, sharedIndustries, base + 2.0 * needing AS score
ORDER BY score DESC, q.id ASC
LIMIT $first
WITH p, needCounts, collect({q: q, shared: shared, needing: needing, complementary: complementary, integrated: integrated,
                 sharedRegions: sharedRegions, sharedIndustries: sharedIndustries, score: score}) AS top
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
