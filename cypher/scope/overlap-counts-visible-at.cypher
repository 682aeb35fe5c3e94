// overlap-counts-visible-at(p, q, $asOf): overlap-counts-visible as of the instant $asOf: a grant of any level that
// held then (time/holds-at; README, "Roles and grants" and "Time").
($viewerPartnerId IS NULL
 OR ($viewerPartnerId IN [p.id, q.id]
     AND (p = q OR EXISTS { MATCH (o:Partner)-[g:SHARES_WITH|HAD_SHARING]->(v:Partner {id: $viewerPartnerId}) WHERE o IN [p, q] AND o <> v AND {{time/holds-at(g, $asOf)}} })))
