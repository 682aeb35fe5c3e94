// Returns {count} of capabilities matching the filter. Params: as list-capabilities without $after and $limit.
MATCH (c:Capability)
WHERE ($category IS NULL OR c.category = $category)
  AND ($parentId IS NULL OR EXISTS { (c)-[:CHILD_OF]->(:Capability {id: $parentId}) })
  AND (coalesce($rootsOnly, false) = false OR NOT EXISTS { (c)-[:CHILD_OF]->(:Capability) })
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (c)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Capability', system: $externalSystem, value: $externalValue}) })
RETURN count(c) AS count
