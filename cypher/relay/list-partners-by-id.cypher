// Returns {node, sortKey} for one page of partners matching the filter in ascending id order (sortKey is the id): list-partners-ordered for ORDER BY ID ASC, read from the id index in order, so a page stops after $limit partners instead of sorting every match (BENCHMARKS.md, "Read speed"). Params: $afterId (or null), $limit, and the filter params of count-partners-filtered.
MATCH (p:Partner)
WHERE p.id > coalesce($afterId, '')
  AND ($types IS NULL OR any(t IN p.types WHERE t IN $types))
  AND ($typesAll IS NULL OR all(t IN $typesAll WHERE t IN p.types))
  AND ($tiers IS NULL OR p.tier IN $tiers)
  AND ($lifecycleStages IS NULL OR p.lifecycleStage IN $lifecycleStages)
  AND ($region IS NULL OR $region IN p.regions)
  AND ($industry IS NULL OR $industry IN p.industries)
  AND ($regions IS NULL OR any(r IN p.regions WHERE r IN $regions))
  AND ($industries IS NULL OR any(i IN p.industries WHERE i IN $industries))
  AND ($nameContains IS NULL OR toLower(p.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(p.name) STARTS WITH toLower($namePrefix))
  AND ($capabilityId IS NULL OR EXISTS { (p)-[:HAS_CAPABILITY]->(:Capability {id: $capabilityId}) })
  AND ($capabilities IS NULL OR all(want IN $capabilities WHERE EXISTS {
        MATCH (p)-[h:HAS_CAPABILITY]->(:Capability {id: want.capabilityId})
        WHERE CASE h.level WHEN 'EXPERT' THEN 2 WHEN 'CERTIFIED' THEN 1 ELSE 0 END >= want.minRank }))
  AND ($externalSystem IS NULL OR EXISTS { (p)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Partner', system: $externalSystem, value: $externalValue}) })
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node, p.id AS sortKey
ORDER BY p.id
LIMIT $limit
