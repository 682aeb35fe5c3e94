// Returns {key: capability id, items} for each capability in $ids: one keyset page of the solutions requiring it that the viewer may see (items: solutions), as capabilities/get-capability-required-by reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit.
UNWIND $ids AS id
MATCH (k:Capability {id: id})
CALL (k) {
  MATCH (s:Solution)-[:REQUIRES]->(k)
  WHERE {{scope/solution-visible(s)}}
  WITH s, s.id AS itemId, CASE $orderField WHEN 'NAME' THEN s.name ELSE s.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH s, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect(s {.id, .name, .description, .status, .regions, .industries, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
