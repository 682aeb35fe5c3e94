// Returns {key: partner id, items: [{partnerId, customerId, status, customer, sortKey}]} for each partner in $ids: one keyset page of its accounts as far as the viewer may see them (as partners/get-partner-accounts), ordered by (sortKey, customer id) ascending or, with $descending, descending; sortKey is the customer's name ($orderField NAME) or id. Params: $ids, $statuses (or null), $orderField, $descending, $afterKey and $afterId (or null), $limit.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
CALL (p) {
  MATCH (p)-[a:HAS_ACCOUNT]->(c:Customer)
  WHERE {{scope/account-visible(p, c)}} AND ($statuses IS NULL OR a.status IN $statuses)
  WITH a, c, CASE $orderField WHEN 'NAME' THEN c.name ELSE c.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND c.id > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND c.id < $afterId)))
  WITH a, c, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE c.id END ASC, CASE WHEN $descending THEN c.id END DESC
  LIMIT $limit
  RETURN collect({partnerId: p.id, customerId: c.id, status: a.status, sortKey: sortKey,
                  customer: c {.id, .name, .industry, .region, .segment, .domain}}) AS items
}
RETURN id AS key, items
