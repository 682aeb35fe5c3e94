// account-visible-beside-at(q, v, $asOf): account-visible-beside as of the instant $asOf: q's grant to v that held
// then (FULL or OVERLAPS) decides (time/holds-at; README, "Roles and grants" and "Time").
($viewerPartnerId IS NULL OR EXISTS { (q)-[besideGrant:SHARES_WITH|HAD_SHARING {level: 'FULL'}]->(v) WHERE {{time/holds-at(besideGrant, $asOf)}} }
 OR EXISTS { (q)-[besideGrant:SHARES_WITH|HAD_SHARING {level: 'OVERLAPS'}]->(v) WHERE {{time/holds-at(besideGrant, $asOf)}} })
