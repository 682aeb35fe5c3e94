// Returns {key: partner id, items} for each partner in $ids: one keyset page of the deals it takes part in (items {deal, role, sourced, registeredAt}; for a PARTNER viewer only deals it is on), as partners/get-partner-deals reads them, each item with its sortKey and itemId (the far end's id), ordered by (sortKey, itemId) ascending or, with $descending, descending; sortKey is the far end's name ($orderField NAME) or id (README, "Connections, filters and orders"). Params: $ids, $orderField, $descending, $afterKey and $afterId (or null), $limit, $stages (deal stages, or null).
UNWIND $ids AS id
MATCH (p:Partner {id: id})
CALL (p) {
  MATCH (p)-[r:PARTICIPATES_IN]->(d:Deal)
  WHERE {{scope/deal-visible(d)}} AND ($stages IS NULL OR d.stage IN $stages)
  WITH r, d, d.id AS itemId, CASE $orderField WHEN 'NAME' THEN d.name ELSE d.id END AS sortKey
  WHERE $afterId IS NULL
     OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND itemId > $afterId)))
     OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND itemId < $afterId)))
  WITH r, d, itemId, sortKey
  ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
           CASE WHEN $descending THEN null ELSE itemId END ASC, CASE WHEN $descending THEN itemId END DESC
  LIMIT $limit
  RETURN collect({deal: d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])}, role: r.role, sourced: coalesce(r.sourced, false), registeredAt: r.registeredAt, sortKey: sortKey, itemId: itemId}) AS items
}
RETURN id AS key, items
