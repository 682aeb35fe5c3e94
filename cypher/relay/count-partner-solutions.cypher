// Returns {key: partner id, count} for each partner in $ids: the number of the solutions it is a member of as the viewer sees them (as get-partner-solutions-page), counted without reading them. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
// For the vendor's users every relationship counts: its degree, kept with the node, instead of visiting each item.
RETURN id AS key, CASE WHEN $viewerPartnerId IS NULL THEN COUNT { (p)-[:MEMBER_OF]->() }
                       ELSE COUNT { MATCH (p)-[m:MEMBER_OF]->(s:Solution) WHERE {{scope/solution-visible(s)}} } END AS count
