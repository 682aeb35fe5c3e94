// Returns {node, sortKey} for one keyset page of solutions matching the filter that the viewer may see (as solutions/list-solutions), ordered by (sortKey, id) ascending or, with $descending, descending (README, "Connections, filters and orders"). Params: $orderField (ID, NAME, STATUS, MEMBER_COUNT), $descending, $afterKey and $afterId (the cursor's position, or null), $limit, and the filter params: $statuses (list or null), $region, $industry, $partnerId, $capabilityId, $nameContains, $namePrefix, $externalSystem and $externalValue (or null).
MATCH (s:Solution)
WHERE {{scope/solution-visible(s)}}
  AND ($statuses IS NULL OR s.status IN $statuses)
  AND ($region IS NULL OR $region IN s.regions)
  AND ($industry IS NULL OR $industry IN s.industries)
  AND ($partnerId IS NULL OR EXISTS { (:Partner {id: $partnerId})-[:MEMBER_OF]->(s) })
  AND ($capabilityId IS NULL OR EXISTS { (s)-[:REQUIRES]->(:Capability {id: $capabilityId}) })
  AND ($nameContains IS NULL OR toLower(s.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(s.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (s)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Solution', system: $externalSystem, value: $externalValue}) })
WITH s, CASE $orderField
          WHEN 'NAME' THEN s.name
          WHEN 'STATUS' THEN CASE s.status WHEN 'DRAFT' THEN 0 WHEN 'PUBLISHED' THEN 1 WHEN 'RETIRED' THEN 2 END
          WHEN 'MEMBER_COUNT' THEN COUNT { (:Partner)-[:MEMBER_OF]->(s) }
          ELSE s.id
        END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND s.id > $afterId)))
   OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND s.id < $afterId)))
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node, sortKey
ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
         CASE WHEN $descending THEN null ELSE s.id END ASC, CASE WHEN $descending THEN s.id END DESC
LIMIT $limit
