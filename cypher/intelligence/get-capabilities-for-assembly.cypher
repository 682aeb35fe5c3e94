// Returns {capability} for each id in $ids that exists, ordered by id. Params: $ids.
UNWIND $ids AS id
MATCH (c:Capability {id: id})
RETURN c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])} AS capability
ORDER BY capability.id
