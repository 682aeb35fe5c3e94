// Returns {key: partner id, count} for each partner in $ids: how many accounts it has that the viewer may see and that pass the status filter (as get-partner-accounts-page), counted without reading them. Params: $ids, $statuses (or null).
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN id AS key, COUNT { MATCH (p)-[a:HAS_ACCOUNT]->(c:Customer) WHERE {{scope/account-visible(p, c)}} AND ($statuses IS NULL OR a.status IN $statuses) } AS count
