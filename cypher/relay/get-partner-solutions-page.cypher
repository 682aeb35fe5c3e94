// Returns {key: partner id, items} for each partner in $ids: one keyset page of the solutions it is a member of (items {solution, role, since}; for a PARTNER viewer only solutions it is a member of), as partners/get-partner-solutions reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
CALL (p) {
  MATCH (p)-[m:MEMBER_OF]->(s:Solution)
  WHERE {{scope/solution-visible(s)}}
  WITH m, s, s.id AS itemId, CASE $orderField WHEN 'NAME' THEN s.name ELSE s.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH m, s, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect({solution: s {.id, .name, .description, .status, .regions, .industries}, role: m.role, since: m.since, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
