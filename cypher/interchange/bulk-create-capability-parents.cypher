// Returns {count}: creates each CHILD_OF link (a fresh load). Params: $rows [{id, parentId}].
UNWIND $rows AS row
MATCH (c:Capability {id: row.id})
MATCH (parent:Capability {id: row.parentId})
CREATE (c)-[:CHILD_OF]->(parent)
RETURN count(*) AS count
