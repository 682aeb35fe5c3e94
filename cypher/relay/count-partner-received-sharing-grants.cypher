// Returns {key: partner id, count} for each partner in $ids: the number of the grants it receives as the viewer sees them (as get-partner-received-sharing-grants-page), counted without reading them. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
// For the vendor's users every relationship counts: its degree, kept with the node, instead of visiting each item.
RETURN id AS key, CASE WHEN $viewerPartnerId IS NULL THEN COUNT { (p)<-[:SHARES_WITH]-() }
                       ELSE COUNT { MATCH (p)<-[g:SHARES_WITH]-(o:Partner) WHERE {{scope/grant-visible(p, o)}} } END AS count
