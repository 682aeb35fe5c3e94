// Returns {key: solution id, items} for each solution in $ids: one keyset page of the deals selling it (items: deals; for a PARTNER viewer only those it is on), as solutions/get-solution-deals reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit, $stages (deal stages, or null).
UNWIND $ids AS id
MATCH (s:Solution {id: id})
CALL (s) {
  MATCH (d:Deal)-[:FOR_SOLUTION]->(s)
  WHERE {{scope/deal-visible(d)}} AND ($stages IS NULL OR d.stage IN $stages)
  WITH d, d.id AS itemId, CASE $orderField WHEN 'NAME' THEN d.name ELSE d.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH d, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect(d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id]), sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
