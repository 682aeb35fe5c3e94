// overlap-customers-visible-at(p, q, $asOf): overlap-customers-visible as of the instant $asOf: an OVERLAPS or FULL
// grant that held then (time/holds-at; README, "Roles and grants" and "Time").
($viewerPartnerId IS NULL
 OR ($viewerPartnerId IN [p.id, q.id]
     AND (p = q OR EXISTS { MATCH (o:Partner)-[g:SHARES_WITH|HAD_SHARING]->(v:Partner {id: $viewerPartnerId}) WHERE o IN [p, q] AND o <> v AND g.level IN ['OVERLAPS', 'FULL'] AND {{time/holds-at(g, $asOf)}} })))
