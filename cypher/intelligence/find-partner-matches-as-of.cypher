// Returns {partner, sharedCustomerCount, complementDemand, integrated, sharedRegions, sharedIndustries, complementary: [{capability, neededBy}], score}:
// find-partner-matches as of the instant $asOf: the accounts, capabilities, integrations and grants that held then, the stages and tiers then
// (README, "Time"; needs have no history). Params: $partnerId, $first, $asOf.
MATCH (p:Partner {id: $partnerId})
WHERE {{scope/partner-self(p)}}
WITH p, [(p)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(own:Capability) WHERE {{time/holds-at(h, $asOf)}} | own] AS ownCaps,
     [(p)-[i:INTEGRATES_WITH|HAD_INTEGRATION]-(x:Partner) WHERE {{time/holds-at(i, $asOf)}} | x] AS integrations
CALL (p) {
  MATCH (p)-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(u:Customer)
  WHERE {{time/holds-at(a, $asOf)}}
  MATCH (u)-[r:HAS_ACCOUNT|HAD_ACCOUNT|NEEDS]-(x)
  WHERE x <> p AND {{time/holds-at(r, $asOf)}}
  WITH x, count(*) AS customers
  RETURN collect(CASE WHEN x:Capability THEN {capability: x, customers: customers} END) AS demand,
         collect(CASE WHEN x:Partner THEN {partner: x, customers: customers} END) AS sharing
}
CALL (p, ownCaps, integrations, demand, sharing) {
  CALL (p, ownCaps, demand, sharing) {
    UNWIND sharing AS s
    RETURN s.partner AS q, s.customers AS shared, 0 AS complementary, 0 AS needs, 0 AS grants
    UNION ALL
    MATCH (c:Capability)
    USING INDEX c:Capability(id)
    WHERE c.id IS NOT NULL AND NOT c IN ownCaps
    WITH c, coalesce(head([d IN demand WHERE d.capability = c | d.customers]), 0) AS neededBy
    MATCH (c)<-[:HAS_CAPABILITY]-(q:Partner)
    RETURN q, 0 AS shared, count(*) AS complementary, sum(neededBy) AS needs, 0 AS grants
    UNION ALL
    // The holdings that did not hold at $asOf are taken back, and the ended ones that did are added: both found through the
    // validity indexes of migration 007 (few), never by reading every holding's interval.
    MATCH (q:Partner)-[h:HAS_CAPABILITY]->(c:Capability)
    WHERE h.since > $asOf AND NOT c IN ownCaps
    RETURN q, 0 AS shared, -1 AS complementary, -coalesce(head([d IN demand WHERE d.capability = c | d.customers]), 0) AS needs, 0 AS grants
    UNION ALL
    MATCH (q:Partner)-[h:HAD_CAPABILITY]->(c:Capability)
    WHERE h.until > $asOf AND (h.since IS NULL OR h.since <= $asOf) AND NOT c IN ownCaps
    RETURN q, 0 AS shared, 1 AS complementary, coalesce(head([d IN demand WHERE d.capability = c | d.customers]), 0) AS needs, 0 AS grants
    UNION ALL
    MATCH (q:Partner)-[g:SHARES_WITH|HAD_SHARING]->(p)
    WHERE $viewerPartnerId IS NOT NULL AND {{time/holds-at(g, $asOf)}}
    RETURN q, 0 AS shared, 0 AS complementary, 0 AS needs, 1 AS grants
  }
  WITH q, sum(shared) AS shared, sum(complementary) AS complementary, sum(needs) AS needs, sum(grants) AS grants
  WHERE complementary > 0 AND q <> p
  WITH p, q, CASE WHEN $viewerPartnerId IS NULL OR grants > 0 THEN shared END AS shared, needs, complementary,
       q IN integrations AS integrated
  WITH p, q, shared, needs, complementary, integrated,
       3.0 * coalesce(shared, 0) + 2.0 * needs + CASE WHEN integrated THEN 5.0 ELSE 0.0 END + 0.5 * complementary AS partial
  WITH p, collect({q: q, shared: shared, needs: needs, integrated: integrated, partial: partial}) AS rows
  // Only partners ACTIVE or ONBOARDING at $asOf match. Their stage then is read from the history, so it is read only where it
  // decides: down the ranking until $first eligible partners are found (for the threshold), and for the candidates left.
  CALL (rows) {
    UNWIND rows AS r
    WITH r.q AS q, r.partial AS partial ORDER BY partial DESC
    WITH q, partial WHERE {{time/stage-at(q, $asOf)}} IN ['ACTIVE', 'ONBOARDING']
    WITH partial LIMIT $first
    RETURN collect(partial)[$first - 1] AS threshold
  }
  UNWIND rows AS r
  WITH p, r WHERE threshold IS NULL OR r.partial + size(coalesce(p.regions, [])) + size(coalesce(p.industries, [])) >= threshold
  WITH p, r, r.q AS q WHERE {{time/stage-at(q, $asOf)}} IN ['ACTIVE', 'ONBOARDING']
  WITH r.q AS q, r.shared AS shared, r.needs AS needs, r.integrated AS integrated,
       [x IN coalesce(r.q.regions, []) WHERE x IN coalesce(p.regions, [])] AS sharedRegions,
       [x IN coalesce(r.q.industries, []) WHERE x IN coalesce(p.industries, [])] AS sharedIndustries, r.partial AS partial
  RETURN q, shared, needs, integrated, sharedRegions, sharedIndustries,
         partial + size(sharedRegions) + size(sharedIndustries) AS score
  ORDER BY score DESC, q.id ASC
  LIMIT $first
}
RETURN q {.id, .name, .types, tier: {{time/tier-at(q, $asOf)}}, lifecycleStage: {{time/stage-at(q, $asOf)}}, .regions, .industries, .website} AS partner,
       shared AS sharedCustomerCount, needs AS complementDemand, integrated, sharedRegions, sharedIndustries, score,
       [(q)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(c:Capability) WHERE {{time/holds-at(h, $asOf)}} AND NOT c IN ownCaps | {
          capability: c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])},
          neededBy: coalesce(head([d IN demand WHERE d.capability = c | d.customers]), 0)
       }] AS complementary
ORDER BY score DESC, partner.id ASC
