// Moves the capability under $parentId, or makes it a root when $parentId is null; returns {node}. Params: $id, $parentId.
MATCH (c:Capability {id: $id})
OPTIONAL MATCH (c)-[old:CHILD_OF]->(:Capability)
DELETE old
WITH DISTINCT c
OPTIONAL MATCH (parent:Capability {id: $parentId})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | MERGE (c)-[:CHILD_OF]->(parent))
RETURN c {.id, .name, .category, .description, parentId: parent.id} AS node
