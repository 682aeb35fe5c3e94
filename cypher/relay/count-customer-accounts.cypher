// Returns {key: customer id, count} for each customer in $ids: how many accounts on it the viewer may see that pass the status filter (as get-customer-accounts-page), counted without reading them. Params: $ids, $statuses (or null).
UNWIND $ids AS id
MATCH (c:Customer {id: id})
// For the vendor's users without a status filter every account counts: the relationship's degree, kept with the node
// (HAS_ACCOUNT always joins a partner to a customer), instead of visiting each account (BENCHMARKS.md, "Read speed").
RETURN id AS key, CASE WHEN $viewerPartnerId IS NULL AND $statuses IS NULL THEN COUNT { (c)<-[:HAS_ACCOUNT]-() }
                       ELSE COUNT { MATCH (p:Partner)-[a:HAS_ACCOUNT]->(c) WHERE {{scope/account-visible(p, c)}} AND ($statuses IS NULL OR a.status IN $statuses) } END AS count
