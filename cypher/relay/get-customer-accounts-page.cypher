// Returns {key: customer id, items: [{partnerId, customerId, status, partner, sortKey}]} for each customer in $ids: one keyset page of the partners' accounts on it as far as the viewer may see them (as customers/get-customer-accounts), ordered by (sortKey, partner id) ascending or, with $descending, descending; sortKey is the partner's name ($orderField NAME) or id. Params: $ids, $statuses (or null), $orderField, $descending, $afterKey and $afterId (or null), $limit.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
CALL (c) {
  MATCH (p:Partner)-[a:HAS_ACCOUNT]->(c)
  WHERE {{scope/account-visible(p, c)}} AND ($statuses IS NULL OR a.status IN $statuses)
  WITH a, p, CASE $orderField WHEN 'NAME' THEN p.name ELSE p.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND p.id > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND p.id < $afterId)))
  WITH a, p, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE p.id END ASC, CASE WHEN $descending THEN p.id END DESC
  LIMIT $limit
  RETURN collect({partnerId: p.id, customerId: c.id, status: a.status, sortKey: sortKey,
                  partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
}
RETURN id AS key, items
