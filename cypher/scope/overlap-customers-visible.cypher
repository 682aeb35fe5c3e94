// overlap-customers-visible(p, q): whether the viewer may see which customers partners p and q share (overlap-access is
// 'CUSTOMERS'): the vendor's users always; a PARTNER when it is one side and the other grants it OVERLAPS or FULL, or p = q.
($viewerPartnerId IS NULL
 OR ($viewerPartnerId IN [p.id, q.id]
     AND (p = q OR EXISTS { MATCH (o:Partner)-[g:SHARES_WITH]->(v:Partner {id: $viewerPartnerId}) WHERE o IN [p, q] AND o <> v AND g.level IN ['OVERLAPS', 'FULL'] })))
