// Returns {key: partner id, items} for each partner in $ids: one keyset page of its capabilities (items {capability, level, since}; ordered by the capability), as partners/get-partner-capabilities reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit, $minRank (0 BASIC, 1 CERTIFIED, 2 EXPERT: the lowest level that counts, or null).
UNWIND $ids AS id
MATCH (p:Partner {id: id})
CALL (p) {
  MATCH (p)-[h:HAS_CAPABILITY]->(c:Capability)
  WHERE ($minRank IS NULL OR CASE h.level WHEN 'EXPERT' THEN 2 WHEN 'CERTIFIED' THEN 1 ELSE 0 END >= $minRank)
  WITH h, c, c.id AS itemId, CASE $orderField WHEN 'NAME' THEN c.name ELSE c.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH h, c, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect({capability: c {.id, .name, .category, .description, parentId: head([(c)-[:CHILD_OF]->(up:Capability) | up.id])}, level: h.level, since: h.since, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
