// Returns {partner, sharedCustomerCount, complementDemand, integrated, sharedRegions, sharedIndustries, complementary: [{capability, neededBy}], score} for the best $first complementary eligible partners of $partnerId, by score descending then id.
// A PARTNER viewer gets matches only for itself; a candidate's shared customers count (and sharedCustomerCount is not null) only when the candidate grants the viewer a sharing level. Params: $partnerId, $first.
MATCH (p:Partner {id: $partnerId})
WHERE {{scope/partner-self(p)}}
WITH p, [(p)-[:HAS_CAPABILITY]->(own:Capability) | own] AS ownCaps, [(p)-[:INTEGRATES_WITH]-(x:Partner) | x] AS integrations
// One pass over p's customers and everything around them: per other partner, the customers both have an account on;
// per capability, p's customers needing it. (A partner has at most one account per customer and a customer needs a
// capability at most once, so counting rows counts customers.)
CALL (p) {
  MATCH (p)-[:HAS_ACCOUNT]->(:Customer)-[:HAS_ACCOUNT|NEEDS]-(x)
  WHERE x <> p
  WITH x, count(*) AS customers
  RETURN collect(CASE WHEN x:Capability THEN {capability: x, customers: customers} END) AS demand,
         collect(CASE WHEN x:Partner THEN {partner: x, customers: customers} END) AS sharing
}
// Per candidate, summed from three streams (hash aggregations, no lookup per candidate): shared customers; its
// capabilities p lacks, each with the number of p's customers needing it; and, for a PARTNER viewer, whether it grants
// the viewer a sharing level. The candidates are exactly the partners holding a capability p lacks.
CALL (p, ownCaps, integrations, demand, sharing) {
  CALL (p, ownCaps, demand, sharing) {
    UNWIND sharing AS s
    RETURN s.partner AS q, s.customers AS shared, 0 AS complementary, 0 AS needs, 0 AS grants
    UNION ALL
    // The taxonomy (hundreds of capabilities), read through its id index rather than a label scan.
    MATCH (c:Capability)
    USING INDEX c:Capability(id)
    WHERE c.id IS NOT NULL AND NOT c IN ownCaps
    WITH c, coalesce(head([d IN demand WHERE d.capability = c | d.customers]), 0) AS neededBy
    MATCH (c)<-[:HAS_CAPABILITY]-(q:Partner)
    RETURN q, 0 AS shared, count(*) AS complementary, sum(neededBy) AS needs, 0 AS grants
    UNION ALL
    MATCH (q:Partner)-[:SHARES_WITH]->(p)
    WHERE $viewerPartnerId IS NOT NULL
    RETURN q, 0 AS shared, 0 AS complementary, 0 AS needs, 1 AS grants
  }
  WITH q, sum(shared) AS shared, sum(complementary) AS complementary, sum(needs) AS needs, sum(grants) AS grants
  WHERE complementary > 0 AND q <> p AND q.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
  WITH p, q, CASE WHEN $viewerPartnerId IS NULL OR grants > 0 THEN shared END AS shared, needs, complementary,
       q IN integrations AS integrated
  WITH p, q, shared, needs, complementary, integrated,
       3.0 * coalesce(shared, 0) + 2.0 * needs + CASE WHEN integrated THEN 5.0 ELSE 0.0 END + 0.5 * complementary AS partial
  // Shared regions and industries add at most size(p.regions) + size(p.industries): read them only for the
  // candidates that can still reach the $first-th best partial score.
  WITH p, collect({q: q, shared: shared, needs: needs, integrated: integrated, partial: partial}) AS rows
  CALL (rows) {
    UNWIND rows AS r
    WITH r.partial AS partial ORDER BY partial DESC
    RETURN collect(partial)[$first - 1] AS threshold
  }
  UNWIND rows AS r
  WITH p, r WHERE threshold IS NULL OR r.partial + size(coalesce(p.regions, [])) + size(coalesce(p.industries, [])) >= threshold
  WITH r.q AS q, r.shared AS shared, r.needs AS needs, r.integrated AS integrated,
       [x IN coalesce(r.q.regions, []) WHERE x IN coalesce(p.regions, [])] AS sharedRegions,
       [x IN coalesce(r.q.industries, []) WHERE x IN coalesce(p.industries, [])] AS sharedIndustries, r.partial AS partial
  RETURN q, shared, needs, integrated, sharedRegions, sharedIndustries,
         partial + size(sharedRegions) + size(sharedIndustries) AS score
  ORDER BY score DESC, q.id ASC
  LIMIT $first
}
RETURN q {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS partner,
       shared AS sharedCustomerCount, needs AS complementDemand, integrated, sharedRegions, sharedIndustries, score,
       [(q)-[:HAS_CAPABILITY]->(c:Capability) WHERE NOT c IN ownCaps | {
          capability: c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])},
          neededBy: coalesce(head([d IN demand WHERE d.capability = c | d.customers]), 0)
       }] AS complementary
ORDER BY score DESC, partner.id ASC
