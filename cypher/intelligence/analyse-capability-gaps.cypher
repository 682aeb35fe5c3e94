// Returns {capability, customerDemand, solutionDemand, supply, status} for every capability with demand, ordered GAP, THIN, COVERED, then total demand descending, then id. Params: $region, $industry (or null).
MATCH (c:Capability)
WITH c,
     COUNT { (u:Customer)-[:NEEDS]->(c) WHERE ($region IS NULL OR u.region = $region) AND ($industry IS NULL OR u.industry = $industry) } AS customerDemand,
     COUNT { (s:Solution)-[:REQUIRES]->(c) WHERE s.status IS NULL OR s.status <> 'RETIRED' } AS solutionDemand
WHERE customerDemand + solutionDemand > 0
WITH c, customerDemand, solutionDemand,
     COUNT { (p:Partner)-[:HAS_CAPABILITY]->(c)
             WHERE p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
               AND ($region IS NULL OR $region IN p.regions)
               AND ($industry IS NULL OR $industry IN p.industries) } AS supply
WITH c, customerDemand, solutionDemand, supply,
     CASE supply WHEN 0 THEN 'GAP' WHEN 1 THEN 'THIN' ELSE 'COVERED' END AS status,
     CASE supply WHEN 0 THEN 0 WHEN 1 THEN 1 ELSE 2 END AS statusRank
ORDER BY statusRank, customerDemand + solutionDemand DESC, c.id
RETURN c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])} AS capability,
       customerDemand, solutionDemand, supply, status
