// Returns {key: partner id, items} for each partner in $ids: one keyset page of the grants it gives (items {fromId, toId, level, since, from, to}; ordered by the grantee; for a PARTNER viewer only grants it is party to), as partners/get-partner-sharing-grants reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
CALL (p) {
  MATCH (p)-[g:SHARES_WITH]->(o:Partner)
  WHERE {{scope/grant-visible(p, o)}}
  WITH p, g, o, o.id AS itemId, CASE $orderField WHEN 'NAME' THEN o.name ELSE o.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH p, g, o, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect({fromId: p.id, toId: o.id, level: g.level, since: g.since, from: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, to: o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
