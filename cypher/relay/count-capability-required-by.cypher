// Returns {key: capability id, count} for each capability in $ids: the number of the solutions requiring it that the viewer may see as the viewer sees them (as get-capability-required-by-page), counted without reading them. Params: $ids.
UNWIND $ids AS id
MATCH (k:Capability {id: id})
// For the vendor's users every relationship counts: its degree, kept with the node, instead of visiting each item.
RETURN id AS key, CASE WHEN $viewerPartnerId IS NULL THEN COUNT { (k)<-[:REQUIRES]-() }
                       ELSE COUNT { MATCH (s:Solution)-[:REQUIRES]->(k) WHERE {{scope/solution-visible(s)}} } END AS count
