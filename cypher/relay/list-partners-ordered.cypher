// Returns {node, sortKey} for one keyset page of partners matching the filter, ordered by (sortKey, id) ascending or, with $descending, descending (README, "Connections, filters and orders"). Params: $orderField (ID, NAME, TIER, LIFECYCLE_STAGE, ACCOUNT_COUNT, CAPABILITY_COUNT), $descending, $afterKey and $afterId (the cursor's position, or null), $limit, and the filter params of count-partners-filtered.
MATCH (p:Partner)
WHERE ($types IS NULL OR any(t IN p.types WHERE t IN $types))
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
WITH p, CASE $orderField
          WHEN 'NAME' THEN p.name
          WHEN 'TIER' THEN CASE p.tier WHEN 'REGISTERED' THEN 0 WHEN 'SILVER' THEN 1 WHEN 'GOLD' THEN 2 WHEN 'PLATINUM' THEN 3 END
          WHEN 'LIFECYCLE_STAGE' THEN CASE p.lifecycleStage WHEN 'PROSPECT' THEN 0 WHEN 'ONBOARDING' THEN 1 WHEN 'ACTIVE' THEN 2 WHEN 'DORMANT' THEN 3 WHEN 'OFFBOARDED' THEN 4 END
          WHEN 'ACCOUNT_COUNT' THEN COUNT { MATCH (p)-[:HAS_ACCOUNT]->(c:Customer) WHERE {{scope/account-visible(p, c)}} }
          WHEN 'CAPABILITY_COUNT' THEN COUNT { (p)-[:HAS_CAPABILITY]->(:Capability) }
          ELSE p.id
        END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND p.id > $afterId)))
   OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND p.id < $afterId)))
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node, sortKey
ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
         CASE WHEN $descending THEN null ELSE p.id END ASC, CASE WHEN $descending THEN p.id END DESC
LIMIT $limit
