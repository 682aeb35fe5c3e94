// deal-visible(d): whether the viewer may see deal d. The vendor's users see every deal; a PARTNER only those it
// participates in (README, "Roles and grants").
($viewerPartnerId IS NULL OR EXISTS { (:Partner {id: $viewerPartnerId})-[:PARTICIPATES_IN]->(d) })
