// Returns {count}: replaces each capability's CHILD_OF link with the given parent (none when parentId is null). Params: $rows [{id, parentId}].
UNWIND $rows AS row
MATCH (c:Capability {id: row.id})
CALL (c) {
  MATCH (c)-[old:CHILD_OF]->()
  DELETE old
}
CALL (c, row) {
  MATCH (parent:Capability {id: row.parentId})
  CREATE (c)-[:CHILD_OF]->(parent)
}
RETURN count(*) AS count
