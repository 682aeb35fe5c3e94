// account-visible(p, c): whether the viewer may see partner p's account on customer c. The vendor's users see every
// account; a PARTNER v sees its own, and p's when p grants v FULL, or OVERLAPS and v has an account on c too
// (README, "Roles and grants").
($viewerPartnerId IS NULL OR p.id = $viewerPartnerId
 OR EXISTS { (p)-[:SHARES_WITH {level: 'FULL'}]->(:Partner {id: $viewerPartnerId}) }
 OR (EXISTS { (p)-[:SHARES_WITH {level: 'OVERLAPS'}]->(:Partner {id: $viewerPartnerId}) }
     AND EXISTS { (:Partner {id: $viewerPartnerId})-[:HAS_ACCOUNT]->(c) }))
