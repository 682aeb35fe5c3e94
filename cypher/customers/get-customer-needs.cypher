// Returns {key: customer id, items: [capability] ordered by id} of the capabilities each customer in $ids needs. Params: $ids.
UNWIND $ids AS id
MATCH (:Customer {id: id})-[:NEEDS]->(c:Capability)
WITH id, c ORDER BY c.id
RETURN id AS key, collect(c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])}) AS items
