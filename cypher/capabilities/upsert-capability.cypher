// Creates the capability or, when the id exists, sets its own properties to exactly these values (the parent is set by set-capability-parent); returns {node}. Params: $id, $name, $searchName, $category, $description (or null).
MERGE (c:Capability {id: $id})
SET c:Entity
SET c.name = $name, c.searchName = $searchName, c.category = $category, c.description = $description
RETURN c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])} AS node
