// Returns {node} for one page of partners ordered by id, matching the filter.
// Params: $after (id or null), $limit, $types, $tiers, $lifecycleStages (lists or null), $region, $industry, $capabilityId, $nameContains (or null).
MATCH (p:Partner)
WHERE p.id > coalesce($after, '')
  AND ($types IS NULL OR any(t IN p.types WHERE t IN $types))
  AND ($tiers IS NULL OR p.tier IN $tiers)
  AND ($lifecycleStages IS NULL OR p.lifecycleStage IN $lifecycleStages)
  AND ($region IS NULL OR $region IN p.regions)
  AND ($industry IS NULL OR $industry IN p.industries)
  AND ($nameContains IS NULL OR toLower(p.name) CONTAINS toLower($nameContains))
  AND ($capabilityId IS NULL OR EXISTS { (p)-[:HAS_CAPABILITY]->(:Capability {id: $capabilityId}) })
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
ORDER BY p.id
LIMIT $limit
