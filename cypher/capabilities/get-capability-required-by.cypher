// Returns {key: capability id, items: [solution] ordered by id} of the solutions requiring each capability in $ids, that the viewer may see. Params: $ids.
UNWIND $ids AS id
MATCH (s:Solution)-[:REQUIRES]->(:Capability {id: id})
WHERE {{scope/solution-visible(s)}}
WITH id, s ORDER BY s.id
RETURN id AS key, collect(s {.id, .name, .description, .status, .regions, .industries}) AS items
