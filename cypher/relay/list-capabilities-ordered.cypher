// Returns {node, sortKey} for one keyset page of capabilities matching the filter (as capabilities/list-capabilities), ordered by (sortKey, id) ascending or, with $descending, descending (README, "Connections, filters and orders"). Params: $orderField (ID, NAME, HOLDER_COUNT), $descending, $afterKey and $afterId (the cursor's position, or null), $limit, and the filter params: $category, $parentId, $rootsOnly, $nameContains, $namePrefix, $externalSystem and $externalValue (or null).
MATCH (c:Capability)
WHERE ($category IS NULL OR c.category = $category)
  AND ($parentId IS NULL OR EXISTS { (c)-[:CHILD_OF]->(:Capability {id: $parentId}) })
  AND (coalesce($rootsOnly, false) = false OR NOT EXISTS { (c)-[:CHILD_OF]->(:Capability) })
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (c)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Capability', system: $externalSystem, value: $externalValue}) })
WITH c, CASE $orderField
          WHEN 'NAME' THEN c.name
          WHEN 'HOLDER_COUNT' THEN COUNT { (:Partner)-[:HAS_CAPABILITY]->(c) }
          ELSE c.id
        END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND c.id > $afterId)))
   OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND c.id < $afterId)))
RETURN c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])} AS node, sortKey
ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
         CASE WHEN $descending THEN null ELSE c.id END ASC, CASE WHEN $descending THEN c.id END DESC
LIMIT $limit
