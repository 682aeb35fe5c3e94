// Returns {key: partner id, count} for each partner in $ids: the number of the deals it takes part in as the viewer sees them (as get-partner-deals-page), counted without reading them. Params: $ids, $stages (deal stages, or null).
UNWIND $ids AS id
MATCH (p:Partner {id: id})
// For the vendor's users without a filter every relationship counts: its degree, kept with the node, instead of visiting each item.
RETURN id AS key, CASE WHEN $viewerPartnerId IS NULL AND $stages IS NULL THEN COUNT { (p)-[:PARTICIPATES_IN]->() }
                       ELSE COUNT { MATCH (p)-[r:PARTICIPATES_IN]->(d:Deal) WHERE {{scope/deal-visible(d)}} AND ($stages IS NULL OR d.stage IN $stages) } END AS count
