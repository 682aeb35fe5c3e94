// Returns {count} of partners matching the filter. Params: as list-partners without $after and $limit.
MATCH (p:Partner)
WHERE ($types IS NULL OR any(t IN p.types WHERE t IN $types))
  AND ($tiers IS NULL OR p.tier IN $tiers)
  AND ($lifecycleStages IS NULL OR p.lifecycleStage IN $lifecycleStages)
  AND ($region IS NULL OR $region IN p.regions)
  AND ($industry IS NULL OR $industry IN p.industries)
  AND ($nameContains IS NULL OR toLower(p.name) CONTAINS toLower($nameContains))
  AND ($capabilityId IS NULL OR EXISTS { (p)-[:HAS_CAPABILITY]->(:Capability {id: $capabilityId}) })
RETURN count(p) AS count
