// Returns one row {capabilities: [{capability, customerDemand, solutionDemand, supply, status}]}: analyse-capability-gaps as of the instant $asOf: supply counts the partners
// whose stage then was ACTIVE or ONBOARDING, through the capabilities they held then (README, "Time"; needs and requirements have no history).
// Params: $region, $industry (or null), $asOf.
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
  MATCH (c:Capability) USING INDEX c:Capability(id)
  WHERE c.id IS NOT NULL AND $region IS NULL AND $industry IS NULL
  RETURN c, COUNT { (c)<-[:NEEDS]-() } AS customers
}
WITH collect({capability: c, customers: customers}) AS demand
CALL () {
  MATCH (p:Partner)
  WHERE ($region IS NULL OR $region IN p.regions)
    AND ($industry IS NULL OR $industry IN p.industries)
    AND {{time/stage-at(p, $asOf)}} IN ['ACTIVE', 'ONBOARDING']
  MATCH (p)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(c:Capability)
  WHERE {{time/holds-at(h, $asOf)}}
  WITH c, count(DISTINCT p) AS partners
  RETURN collect({capability: c, partners: partners}) AS supplied
}
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
