// Returns {count} of capabilities matching the filter. Params: as list-capabilities without $after and $limit.
MATCH (c:Capability)
WHERE ($category IS NULL OR c.category = $category)
  AND ($parentId IS NULL OR EXISTS { (c)-[:CHILD_OF]->(:Capability {id: $parentId}) })
  AND (coalesce($rootsOnly, false) = false OR NOT EXISTS { (c)-[:CHILD_OF]->(:Capability) })
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
RETURN count(c) AS count
