// Returns {node} for each customer whose id is in $ids (missing ids and customers the viewer may not see give no row). Params: $ids.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WHERE ($viewerPartnerId IS NULL
       OR EXISTS { (:Partner {id: $viewerPartnerId})-[:HAS_ACCOUNT]->(c) }
       OR EXISTS { (:Partner {id: $viewerPartnerId})<-[:SHARES_WITH {level: 'FULL'}]-(:Partner)-[:HAS_ACCOUNT]->(c) }
       OR EXISTS { (:Partner {id: $viewerPartnerId})-[:PARTICIPATES_IN]->(:Deal)-[:FOR_CUSTOMER]->(c) })
RETURN c {.id, .name, .industry, .region, .segment, .domain} AS node
