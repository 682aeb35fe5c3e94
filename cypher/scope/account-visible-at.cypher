// account-visible-at(p, c, $asOf): account-visible as of the instant $asOf: the grants to the viewer and the viewer's
// own accounts that held then decide (time/holds-at; README, "Roles and grants" and "Time").
($viewerPartnerId IS NULL OR p.id = $viewerPartnerId
 OR EXISTS { (p)-[visibleGrant:SHARES_WITH|HAD_SHARING {level: 'FULL'}]->(:Partner {id: $viewerPartnerId}) WHERE {{time/holds-at(visibleGrant, $asOf)}} }
 OR (EXISTS { (p)-[visibleGrant:SHARES_WITH|HAD_SHARING {level: 'OVERLAPS'}]->(:Partner {id: $viewerPartnerId}) WHERE {{time/holds-at(visibleGrant, $asOf)}} }
     AND EXISTS { (:Partner {id: $viewerPartnerId})-[visibleOwn:HAS_ACCOUNT|HAD_ACCOUNT]->(c) WHERE {{time/holds-at(visibleOwn, $asOf)}} }))
