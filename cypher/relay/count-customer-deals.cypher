// Returns {key: customer id, count} for each customer in $ids: the number of the deals on it as the viewer sees them (as get-customer-deals-page), counted without reading them. Params: $ids, $stages (deal stages, or null).
UNWIND $ids AS id
MATCH (u:Customer {id: id})
// For the vendor's users without a filter every relationship counts: its degree, kept with the node, instead of visiting each item.
RETURN id AS key, CASE WHEN $viewerPartnerId IS NULL AND $stages IS NULL THEN COUNT { (u)<-[:FOR_CUSTOMER]-() }
                       ELSE COUNT { MATCH (d:Deal)-[:FOR_CUSTOMER]->(u) WHERE {{scope/deal-visible(d)}} AND ($stages IS NULL OR d.stage IN $stages) } END AS count
