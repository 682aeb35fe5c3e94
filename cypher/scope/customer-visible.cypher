// customer-visible(c): whether the viewer may see customer c. The vendor's users see every customer; a PARTNER p sees
// those it has an account on, those a partner with a FULL grant to p has an account on, and those of deals p is on
// (README, "Roles and grants").
($viewerPartnerId IS NULL
 OR EXISTS { (:Partner {id: $viewerPartnerId})-[:HAS_ACCOUNT]->(c) }
 OR EXISTS { (:Partner {id: $viewerPartnerId})<-[:SHARES_WITH {level: 'FULL'}]-(:Partner)-[:HAS_ACCOUNT]->(c) }
 OR EXISTS { (:Partner {id: $viewerPartnerId})-[:PARTICIPATES_IN]->(:Deal)-[:FOR_CUSTOMER]->(c) })
