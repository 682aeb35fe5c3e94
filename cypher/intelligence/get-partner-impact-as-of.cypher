// Returns one row {capabilitiesLost, orphanedCustomers, solutionsAffected, openDealsAffected}: get-partner-impact as of the instant $asOf: the
// capabilities, accounts, memberships and grants that held then, the stages then, and the deals open then (README, "Time"). Params: $partnerId, $asOf.
MATCH (p:Partner {id: $partnerId})
WHERE {{scope/partner-self(p)}}
CALL (p) {
  OPTIONAL MATCH (p)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(c:Capability)
  WHERE {{time/holds-at(h, $asOf)}}
    AND {{time/stage-at(p, $asOf)}} IN ['ACTIVE', 'ONBOARDING']
    AND (EXISTS { (:Customer)-[:NEEDS]->(c) } OR EXISTS { (s:Solution)-[:REQUIRES]->(c) WHERE s.status IS NULL OR s.status <> 'RETIRED' })
    AND NOT EXISTS { (other:Partner)-[oh:HAS_CAPABILITY|HAD_CAPABILITY]->(c)
                     WHERE other <> p AND {{time/holds-at(oh, $asOf)}} AND {{time/stage-at(other, $asOf)}} IN ['ACTIVE', 'ONBOARDING'] }
  WITH DISTINCT c ORDER BY c.id
  RETURN collect(c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])}) AS capabilitiesLost
}
CALL (p) {
  OPTIONAL MATCH (p)-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(u:Customer)
  WHERE {{time/holds-at(a, $asOf)}}
    AND NOT EXISTS { (other:Partner)-[oa:HAS_ACCOUNT|HAD_ACCOUNT]->(u)
                     WHERE other <> p AND {{time/holds-at(oa, $asOf)}} AND {{scope/account-visible-beside-at(other, p, $asOf)}} }
  WITH DISTINCT u ORDER BY u.id
  RETURN collect(u {.id, .name, .industry, .region, .segment, .domain}) AS orphanedCustomers
}
CALL (p) {
  OPTIONAL MATCH (p)-[m:MEMBER_OF|HAD_MEMBERSHIP]->(s:Solution)
  WHERE {{time/holds-at(m, $asOf)}} AND (s.status IS NULL OR s.status <> 'RETIRED')
  WITH DISTINCT s ORDER BY s.id
  RETURN collect(s {.id, .name, .description, .status, .regions, .industries}) AS solutionsAffected
}
CALL (p) {
  OPTIONAL MATCH (p)-[:PARTICIPATES_IN]->(d:Deal)
  WHERE {{time/deal-open-at(d, $asOf)}}
  WITH DISTINCT d ORDER BY d.id
  RETURN collect(d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus,
                    customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]),
                    solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])}) AS openDealsAffected
}
RETURN capabilitiesLost, orphanedCustomers, solutionsAffected, openDealsAffected
