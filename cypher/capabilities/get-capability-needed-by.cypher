// Returns {key: capability id, items: [customer] ordered by id} of the customers needing each capability in $ids, that the viewer may see. Params: $ids.
UNWIND $ids AS id
MATCH (c:Customer)-[:NEEDS]->(:Capability {id: id})
WHERE {{scope/customer-visible(c)}}
WITH id, c ORDER BY c.id
RETURN id AS key, collect(c {.id, .name, .industry, .region, .segment, .domain}) AS items
