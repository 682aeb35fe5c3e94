// Returns {key: capability id, items} for each capability in $ids: one keyset page of the customers needing it that the viewer may see (items: customers), as capabilities/get-capability-needed-by reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit.
UNWIND $ids AS id
MATCH (k:Capability {id: id})
CALL (k) {
  MATCH (c:Customer)-[:NEEDS]->(k)
  WHERE {{scope/customer-visible(c)}}
  WITH c, c.id AS itemId, CASE $orderField WHEN 'NAME' THEN c.name ELSE c.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH c, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect(c {.id, .name, .industry, .region, .segment, .domain, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
