// Returns {key: capability id, items: [customer] ordered by id} of the customers needing each capability in $ids, that the viewer may see. Params: $ids.
UNWIND $ids AS id
MATCH (c:Customer)-[:NEEDS]->(:Capability {id: id})
WHERE ($viewerPartnerId IS NULL
       OR EXISTS { (:Partner {id: $viewerPartnerId})-[:HAS_ACCOUNT]->(c) }
       OR EXISTS { (:Partner {id: $viewerPartnerId})<-[:SHARES_WITH {level: 'FULL'}]-(:Partner)-[:HAS_ACCOUNT]->(c) }
       OR EXISTS { (:Partner {id: $viewerPartnerId})-[:PARTICIPATES_IN]->(:Deal)-[:FOR_CUSTOMER]->(c) })
WITH id, c ORDER BY c.id
RETURN id AS key, collect(c {.id, .name, .industry, .region, .segment, .domain}) AS items
