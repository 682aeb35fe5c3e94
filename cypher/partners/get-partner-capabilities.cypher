// Returns {key: partner id, items: [{capability, level, since}] ordered by capability id} for each partner in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[h:HAS_CAPABILITY]->(c:Capability)
OPTIONAL MATCH (c)-[:CHILD_OF]->(parent:Capability)
WITH id, c, h, parent ORDER BY c.id
RETURN id AS key, collect({capability: c {.id, .name, .category, .description, parentId: parent.id}, level: h.level, since: h.since}) AS items
