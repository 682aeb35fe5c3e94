// Returns {node} for one page of capabilities ordered by id, matching the filter.
// Params: $after (id or null), $limit, $category, $parentId, $rootsOnly, $nameContains, $namePrefix, $externalSystem and $externalValue (or null).
MATCH (c:Capability)
WHERE c.id > coalesce($after, '')
  AND ($category IS NULL OR c.category = $category)
  AND ($parentId IS NULL OR EXISTS { (c)-[:CHILD_OF]->(:Capability {id: $parentId}) })
  AND (coalesce($rootsOnly, false) = false OR NOT EXISTS { (c)-[:CHILD_OF]->(:Capability) })
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (c)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Capability', system: $externalSystem, value: $externalValue}) })
RETURN c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])} AS node
ORDER BY c.id
LIMIT $limit
