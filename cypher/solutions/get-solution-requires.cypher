// Returns {key: solution id, items: [capability] ordered by id} of the capabilities each solution in $ids requires. Params: $ids.
UNWIND $ids AS id
MATCH (:Solution {id: id})-[:REQUIRES]->(c:Capability)
WITH id, c ORDER BY c.id
RETURN id AS key, collect(c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])}) AS items
