// Returns {demanded, covered}: capabilities needed by a customer or required by a non-retired solution, and how many of them an ACTIVE or ONBOARDING partner has. No parameters.
MATCH (c:Capability)
WHERE EXISTS { (:Customer)-[:NEEDS]->(c) }
   OR EXISTS { MATCH (s:Solution)-[:REQUIRES]->(c) WHERE coalesce(s.status, 'DRAFT') <> 'RETIRED' }
RETURN count(c) AS demanded,
       count(CASE WHEN EXISTS { MATCH (p:Partner)-[:HAS_CAPABILITY]->(c) WHERE coalesce(p.lifecycleStage, 'ACTIVE') IN ['ACTIVE', 'ONBOARDING'] } THEN c END) AS covered
