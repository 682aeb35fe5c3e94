// Returns {key: solution id, items} for each solution in $ids: one keyset page of its members (items {partner, role, since}; ordered by the partner), as solutions/get-solution-members reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit.
UNWIND $ids AS id
MATCH (s:Solution {id: id})
CALL (s) {
  MATCH (p:Partner)-[m:MEMBER_OF]->(s)
  WITH p, m, p.id AS itemId, CASE $orderField WHEN 'NAME' THEN p.name ELSE p.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH p, m, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect({partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, role: m.role, since: m.since, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
