// Returns one row {capabilitiesLost, orphanedCustomers, solutionsAffected, openDealsAffected}, each ordered by id, for what breaks if $partnerId leaves; no row when the partner does not exist or, for a PARTNER viewer, is not the viewer. Params: $partnerId.
MATCH (p:Partner {id: $partnerId})
WHERE {{scope/partner-self(p)}}
CALL (p) {
  // Only an eligible partner can be the only eligible supplier.
  OPTIONAL MATCH (p)-[:HAS_CAPABILITY]->(c:Capability)
  WHERE p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
    AND (EXISTS { (:Customer)-[:NEEDS]->(c) } OR EXISTS { (s:Solution)-[:REQUIRES]->(c) WHERE s.status IS NULL OR s.status <> 'RETIRED' })
    AND NOT EXISTS { (other:Partner)-[:HAS_CAPABILITY]->(c) WHERE other <> p AND other.lifecycleStage IN ['ACTIVE', 'ONBOARDING'] }
  WITH DISTINCT c ORDER BY c.id
  RETURN collect(c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])}) AS capabilitiesLost
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_ACCOUNT]->(u:Customer)
  // For a PARTNER viewer (p itself) only accounts it may see count: what others lack is their account data too.
  WHERE NOT EXISTS { (other:Partner)-[:HAS_ACCOUNT]->(u)
                     WHERE other <> p AND {{scope/account-visible-beside(other, p)}} }
  WITH DISTINCT u ORDER BY u.id
  RETURN collect(u {.id, .name, .industry, .region, .segment, .domain}) AS orphanedCustomers
}
CALL (p) {
  OPTIONAL MATCH (p)-[:MEMBER_OF]->(s:Solution)
  WHERE s.status IS NULL OR s.status <> 'RETIRED'
  WITH DISTINCT s ORDER BY s.id
  RETURN collect(s {.id, .name, .description, .status, .regions, .industries}) AS solutionsAffected
}
CALL (p) {
  OPTIONAL MATCH (p)-[:PARTICIPATES_IN]->(d:Deal)
  WHERE NOT d.stage IN ['CLOSED_WON', 'CLOSED_LOST']
  WITH DISTINCT d ORDER BY d.id
  RETURN collect(d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus,
                    customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]),
                    solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])}) AS openDealsAffected
}
RETURN capabilitiesLost, orphanedCustomers, solutionsAffected, openDealsAffected
