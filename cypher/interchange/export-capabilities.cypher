// Returns {id, name, category, description, parentId} for every capability, ordered by id. No parameters.
MATCH (c:Capability)
OPTIONAL MATCH (c)-[:CHILD_OF]->(parent:Capability)
RETURN c.id AS id, c.name AS name, c.category AS category, c.description AS description, parent.id AS parentId
ORDER BY id
