// Returns {dealFound, customerName, candidates [{partner, accountStatus, coveredCapabilities [names], integratedWith [participant names], coSoldWith [participant names], score}]}
// for a deal: ACTIVE or ONBOARDING partners not on it with an account on its customer or a capability it still needs
// (the customer's needs plus its solution's requirements, minus what the participants have). For a PARTNER viewer the deal must be one it is on (else dealFound is false),
// a candidate's account counts only where the viewer may see it, and past co-sells only on deals the viewer is on (README, Roles and grants).
// Only the best $first candidates are returned, best first, each with its score: the one place the score is computed,
// from the lists' sizes with $points (CO_SELL_POINTS of src/deals/co-sell.ts, which words the reasons), ties by id
// (ids are ASCII, src/validation/problems.ts ID_PATTERN, so Cypher's order of them is JavaScript's). Params: $dealId, $first, $points.
OPTIONAL MATCH (d:Deal {id: $dealId})
WHERE {{scope/deal-visible(d)}}
OPTIONAL MATCH (d)-[:FOR_CUSTOMER]->(u:Customer)
WITH d, u,
     [(p:Partner)-[:PARTICIPATES_IN]->(d) | p] AS participants,
     [(u)-[:NEEDS]->(c:Capability) | c] + [(d)-[:FOR_SOLUTION]->(:Solution)-[:REQUIRES]->(c:Capability) | c] AS wanted
WITH d, u, participants, [c IN wanted WHERE NOT EXISTS { MATCH (q:Partner)-[:HAS_CAPABILITY]->(c) WHERE q IN participants }] AS stillNeeded
WITH d, u, participants, reduce(acc = [], c IN stillNeeded | CASE WHEN c IN acc THEN acc ELSE acc + c END) AS needed
RETURN d IS NOT NULL AS dealFound, u.name AS customerName,
  COLLECT {
    // Only partners with an account on the customer or a needed capability can qualify: reach them from
    // there instead of scanning every partner.
    CALL (u, needed) {
      MATCH (cand:Partner)-[:HAS_ACCOUNT]->(u)
      RETURN cand
      UNION
      UNWIND needed AS c
      MATCH (cand:Partner)-[:HAS_CAPABILITY]->(c)
      RETURN cand
    }
    WITH cand
    WHERE d IS NOT NULL AND coalesce(cand.lifecycleStage, 'ACTIVE') IN ['ACTIVE', 'ONBOARDING'] AND NOT cand IN participants
      AND (EXISTS { MATCH (cand)-[:HAS_ACCOUNT]->(u) WHERE {{scope/account-visible(cand, u)}} } OR EXISTS { MATCH (cand)-[:HAS_CAPABILITY]->(c) WHERE c IN needed })
    WITH cand, head([(cand)-[a:HAS_ACCOUNT]->(u) WHERE {{scope/account-visible(cand, u)}} | a.status]) AS accountStatus,
         COLLECT { MATCH (cand)-[:HAS_CAPABILITY]->(c) WHERE c IN needed RETURN c.name AS name ORDER BY c.name, c.id } AS coveredCapabilities,
         COLLECT { MATCH (cand)-[:INTEGRATES_WITH]-(q:Partner) WHERE q IN participants WITH DISTINCT q RETURN q.name AS name ORDER BY q.name, q.id } AS integratedWith,
         COLLECT { MATCH (cand)-[:PARTICIPATES_IN]->(other:Deal)<-[:PARTICIPATES_IN]-(q:Partner) WHERE other <> d AND q IN participants
                     AND {{scope/deal-visible(other)}}
                   WITH DISTINCT q RETURN q.name AS name ORDER BY q.name, q.id } AS coSoldWith
    // The score (README, "Co-sell recommendations"): the points of the account's status, of each needed capability, of
    // each participant it integrates or co-sold with, and of its tier.
    WITH cand, accountStatus, coveredCapabilities, integratedWith, coSoldWith,
         coalesce($points.account[accountStatus], 0) + $points.perNeededCapability * size(coveredCapabilities)
         + $points.perIntegratedParticipant * size(integratedWith) + $points.perCoSoldParticipant * size(coSoldWith)
         + coalesce($points.tier[cand.tier], 0) AS score
    ORDER BY score DESC, cand.id
    LIMIT $first
    RETURN {
      partner: cand {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website},
      accountStatus: accountStatus,
      coveredCapabilities: coveredCapabilities,
      integratedWith: integratedWith,
      coSoldWith: coSoldWith,
      score: score
    } AS candidate
  } AS candidates
