// Returns {id, name, category, description, parentId, externalIds: [{system, id}]} for every capability, ordered by id. No parameters.
MATCH (c:Capability)
OPTIONAL MATCH (c)-[:CHILD_OF]->(parent:Capability)
RETURN c.id AS id, c.name AS name, c.category AS category, c.description AS description, parent.id AS parentId,
       COLLECT { MATCH (c)-[:HAS_EXTERNAL_ID]->(x:ExternalId) RETURN {system: x.system, id: x.value} } AS externalIds
ORDER BY id
