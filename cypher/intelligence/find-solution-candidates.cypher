// Returns {partner, capabilities: [{id, level}] among $capabilityIds, included} for the pool partners that may be in a proposal: those with a required capability, the included ones (even outside the pool, flagged inPool false), and up to $perTypeClass of each combination of required types among the rest, best tier first. Params: $capabilityIds, $region, $industry, $requiredTypes, $includeIds, $excludeIds, $perTypeClass.
CALL () {
  UNWIND $capabilityIds AS capabilityId
  MATCH (:Capability {id: capabilityId})<-[:HAS_CAPABILITY]-(p:Partner)
  RETURN DISTINCT p
  UNION
  UNWIND $includeIds AS includeId
  MATCH (p:Partner {id: includeId})
  RETURN p
  UNION
  // Partners that bring only a required type: one short list per combination of types.
  MATCH (p:Partner)
  WHERE size($requiredTypes) > 0
    AND p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
    AND any(t IN p.types WHERE t IN $requiredTypes)
    AND ($region IS NULL OR $region IN p.regions)
    AND ($industry IS NULL OR $industry IN p.industries)
    AND NOT p.id IN $excludeIds
    AND NOT EXISTS { (p)-[:HAS_CAPABILITY]->(c:Capability) WHERE c.id IN $capabilityIds }
  WITH p, [t IN $requiredTypes WHERE t IN p.types] AS typeClass,
       CASE p.tier WHEN 'PLATINUM' THEN 3 WHEN 'GOLD' THEN 2 WHEN 'SILVER' THEN 1 ELSE 0 END AS tierRank
  ORDER BY tierRank DESC, p.id
  WITH typeClass, collect(p)[..$perTypeClass] AS best
  UNWIND best AS p
  RETURN p
}
WITH p,
     p.lifecycleStage IN ['ACTIVE', 'ONBOARDING']
       AND ($region IS NULL OR $region IN p.regions)
       AND ($industry IS NULL OR $industry IN p.industries)
       AND NOT p.id IN $excludeIds AS inPool
WHERE inPool OR p.id IN $includeIds
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS partner,
       [(p)-[h:HAS_CAPABILITY]->(c:Capability) WHERE c.id IN $capabilityIds | {id: c.id, level: h.level}] AS capabilities,
       inPool
ORDER BY partner.id
