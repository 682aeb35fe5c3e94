// Returns {node} for each capability whose id is in $ids (missing ids give no row). Params: $ids.
UNWIND $ids AS id
MATCH (c:Capability {id: id})
RETURN c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])} AS node
