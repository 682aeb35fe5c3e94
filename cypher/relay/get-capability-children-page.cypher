// Returns {key: capability id, items} for each capability in $ids: one keyset page of its direct children (items: capabilities), as capabilities/get-capability-children reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit.
UNWIND $ids AS id
MATCH (k:Capability {id: id})
CALL (k) {
  MATCH (child:Capability)-[:CHILD_OF]->(k)
  WITH k, child, child.id AS itemId, CASE $orderField WHEN 'NAME' THEN child.name ELSE child.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH k, child, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect(child {.id, .name, .category, .description, parentId: k.id, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
