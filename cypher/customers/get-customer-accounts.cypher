// Returns {key: customer id, items: [{partnerId, customerId, status, partner}] ordered by partner id} for each customer in $ids, as far as the viewer may see them. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner)-[a:HAS_ACCOUNT]->(c:Customer {id: id})
WHERE ($viewerPartnerId IS NULL OR p.id = $viewerPartnerId
       OR EXISTS { (p)-[:SHARES_WITH {level: 'FULL'}]->(:Partner {id: $viewerPartnerId}) }
       OR (EXISTS { (p)-[:SHARES_WITH {level: 'OVERLAPS'}]->(:Partner {id: $viewerPartnerId}) }
           AND EXISTS { (:Partner {id: $viewerPartnerId})-[:HAS_ACCOUNT]->(c) }))
WITH id, a, p ORDER BY p.id
RETURN id AS key, collect({partnerId: p.id, customerId: id, status: a.status, partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
