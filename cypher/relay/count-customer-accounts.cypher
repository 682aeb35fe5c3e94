// Returns {key: customer id, count} for each customer in $ids: how many accounts on it the viewer may see that pass the status filter (as get-customer-accounts-page), counted without reading them. Params: $ids, $statuses (or null).
UNWIND $ids AS id
MATCH (c:Customer {id: id})
RETURN id AS key, COUNT { MATCH (p:Partner)-[a:HAS_ACCOUNT]->(c) WHERE {{scope/account-visible(p, c)}} AND ($statuses IS NULL OR a.status IN $statuses) } AS count
