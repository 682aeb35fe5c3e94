// Returns {key: partner id, items: [{capability, level, since, until}] ordered by capability id, then since} of the ended holdings (HAD_CAPABILITY, README "Time") of each partner in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[h:HAD_CAPABILITY]->(c:Capability)
OPTIONAL MATCH (c)-[:CHILD_OF]->(parent:Capability)
WITH id, c, h, parent ORDER BY c.id, h.since
RETURN id AS key, collect({capability: c {.id, .name, .category, .description, parentId: parent.id}, level: h.level, since: h.since, until: h.until}) AS items
