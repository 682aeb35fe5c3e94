// Sets the given properties of a capability (a null value removes one); returns {node}, no row when there is no such capability. Params: $id, $changes (a map).
MATCH (c:Capability {id: $id})
SET c += $changes
RETURN c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])} AS node
