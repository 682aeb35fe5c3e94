// Returns {access}: what the viewer may see of the overlap between $partnerId and $otherPartnerId: 'CUSTOMERS' for the vendor's users,
// a partner compared with itself, or a grant of OVERLAPS or FULL from the other side to the viewer; 'COUNTS' for a COUNTS grant; null otherwise
// (the viewer is neither side, or has no grant). Params: $partnerId, $otherPartnerId.
WITH CASE WHEN $partnerId = $viewerPartnerId THEN $otherPartnerId ELSE $partnerId END AS otherId
RETURN CASE
         WHEN $viewerPartnerId IS NULL OR ($partnerId = $viewerPartnerId AND $otherPartnerId = $viewerPartnerId) THEN 'CUSTOMERS'
         WHEN NOT $viewerPartnerId IN [$partnerId, $otherPartnerId] THEN null
         ELSE head(COLLECT { MATCH (:Partner {id: otherId})-[g:SHARES_WITH]->(:Partner {id: $viewerPartnerId})
                             RETURN CASE g.level WHEN 'COUNTS' THEN 'COUNTS' ELSE 'CUSTOMERS' END AS access })
       END AS access
