// Returns {key: capability id, items: [capability] ordered by id} of the direct children of each capability in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (child:Capability)-[:CHILD_OF]->(:Capability {id: id})
WITH id, child ORDER BY child.id
RETURN id AS key, collect(child {.id, .name, .category, .description, parentId: id}) AS items
