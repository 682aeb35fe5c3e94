// Returns {key: partner id, count} for each partner in $ids: how many accounts it has that the viewer may see and that pass the status filter (as get-partner-accounts-page), counted without reading them. Params: $ids, $statuses (or null).
UNWIND $ids AS id
MATCH (p:Partner {id: id})
// For the vendor's users without a status filter every account counts: the relationship's degree, kept with the node
// (HAS_ACCOUNT always joins a partner to a customer), instead of visiting each account (BENCHMARKS.md, "Read speed").
RETURN id AS key, CASE WHEN $viewerPartnerId IS NULL AND $statuses IS NULL THEN COUNT { (p)-[:HAS_ACCOUNT]->() }
                       ELSE COUNT { MATCH (p)-[a:HAS_ACCOUNT]->(c:Customer) WHERE {{scope/account-visible(p, c)}} AND ($statuses IS NULL OR a.status IN $statuses) } END AS count
