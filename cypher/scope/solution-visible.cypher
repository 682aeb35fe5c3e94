// solution-visible(s): whether the viewer may see solution s. The vendor's users see every solution; a PARTNER only
// those it is a member of (README, "Roles and grants").
($viewerPartnerId IS NULL OR EXISTS { (:Partner {id: $viewerPartnerId})-[:MEMBER_OF]->(s) })
