// Returns {id} for each id in $ids that names an existing customer (used to check references before a write);
// for a PARTNER viewer only customers it may see, so it cannot register a deal on one it may not. Params: $ids.
UNWIND $ids AS id
MATCH (n:Customer {id: id})
WHERE ($viewerPartnerId IS NULL
       OR EXISTS { (:Partner {id: $viewerPartnerId})-[:HAS_ACCOUNT]->(n) }
       OR EXISTS { (:Partner {id: $viewerPartnerId})<-[:SHARES_WITH {level: 'FULL'}]-(:Partner)-[:HAS_ACCOUNT]->(n) }
       OR EXISTS { (:Partner {id: $viewerPartnerId})-[:PARTICIPATES_IN]->(:Deal)-[:FOR_CUSTOMER]->(n) })
RETURN DISTINCT n.id AS id
