// Returns {key: capability id, items} for each capability in $ids: one keyset page of the partners holding it (items {partner, level}; ordered by the partner), as capabilities/get-capability-holders reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit, $minRank (0 BASIC, 1 CERTIFIED, 2 EXPERT: the lowest level that counts, or null).
UNWIND $ids AS id
MATCH (k:Capability {id: id})
CALL (k) {
  MATCH (p:Partner)-[h:HAS_CAPABILITY]->(k)
  WHERE ($minRank IS NULL OR CASE h.level WHEN 'EXPERT' THEN 2 WHEN 'CERTIFIED' THEN 1 ELSE 0 END >= $minRank)
  WITH p, h, p.id AS itemId, CASE $orderField WHEN 'NAME' THEN p.name ELSE p.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH p, h, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect({partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, level: h.level, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
