// Returns {partner, capabilities: [{id, level}] among $capabilityIds, inPool}: find-solution-candidates as of the instant $asOf: the capabilities
// held then (with their level then) and each partner's stage and tier then (README, "Time"). Params: $capabilityIds, $region, $industry,
// $requiredTypes, $includeIds, $excludeIds, $perTypeClass, $asOf.
CALL () {
  UNWIND $capabilityIds AS capabilityId
  MATCH (:Capability {id: capabilityId})<-[h:HAS_CAPABILITY|HAD_CAPABILITY]-(p:Partner)
  WHERE {{time/holds-at(h, $asOf)}}
  RETURN DISTINCT p
  UNION
  UNWIND $includeIds AS includeId
  MATCH (p:Partner {id: includeId})
  RETURN p
  UNION
  MATCH (p:Partner)
  WHERE size($requiredTypes) > 0
    AND any(t IN p.types WHERE t IN $requiredTypes)
    AND ($region IS NULL OR $region IN p.regions)
    AND ($industry IS NULL OR $industry IN p.industries)
    AND NOT p.id IN $excludeIds
    AND {{time/stage-at(p, $asOf)}} IN ['ACTIVE', 'ONBOARDING']
    AND NOT EXISTS { (p)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(c:Capability) WHERE c.id IN $capabilityIds AND {{time/holds-at(h, $asOf)}} }
  WITH p, [t IN $requiredTypes WHERE t IN p.types] AS typeClass,
       CASE {{time/tier-at(p, $asOf)}} WHEN 'PLATINUM' THEN 3 WHEN 'GOLD' THEN 2 WHEN 'SILVER' THEN 1 ELSE 0 END AS tierRank
  ORDER BY tierRank DESC, p.id
  WITH typeClass, collect(p)[..$perTypeClass] AS best
  UNWIND best AS p
  RETURN p
}
WITH p,
     {{time/stage-at(p, $asOf)}} IN ['ACTIVE', 'ONBOARDING']
       AND ($region IS NULL OR $region IN p.regions)
       AND ($industry IS NULL OR $industry IN p.industries)
       AND NOT p.id IN $excludeIds AS inPool
WHERE inPool OR p.id IN $includeIds
RETURN p {.id, .name, .types, tier: {{time/tier-at(p, $asOf)}}, lifecycleStage: {{time/stage-at(p, $asOf)}}, .regions, .industries, .website} AS partner,
       [(p)-[h:HAS_CAPABILITY|HAD_CAPABILITY]->(c:Capability) WHERE c.id IN $capabilityIds AND {{time/holds-at(h, $asOf)}} | {id: c.id, level: h.level}] AS capabilities,
       inPool
ORDER BY partner.id
