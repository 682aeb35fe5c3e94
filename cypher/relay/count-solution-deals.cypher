// Returns {key: solution id, count} for each solution in $ids: the number of the deals selling it as the viewer sees them (as get-solution-deals-page), counted without reading them. Params: $ids, $stages (deal stages, or null).
UNWIND $ids AS id
MATCH (s:Solution {id: id})
// For the vendor's users without a filter every relationship counts: its degree, kept with the node, instead of visiting each item.
RETURN id AS key, CASE WHEN $viewerPartnerId IS NULL AND $stages IS NULL THEN COUNT { (s)<-[:FOR_SOLUTION]-() }
                       ELSE COUNT { MATCH (d:Deal)-[:FOR_SOLUTION]->(s) WHERE {{scope/deal-visible(d)}} AND ($stages IS NULL OR d.stage IN $stages) } END AS count
