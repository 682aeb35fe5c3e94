// Returns {node, sortKey} for one keyset page of deals matching the filter that the viewer may see (as deals/list-deals), ordered by (sortKey, id) ascending or, with $descending, descending (README, "Connections, filters and orders"). Params: $orderField (ID, NAME, STAGE, AMOUNT, CREATED_AT), $descending, $afterKey and $afterId (the cursor's position, or null), $limit, and the filter params: $stages, $registrationStatuses (lists or null), $open (boolean or null), $customerId, $partnerId, $solutionId, $nameContains, $namePrefix, $externalSystem and $externalValue (or null).
MATCH (d:Deal)
WHERE {{scope/deal-visible(d)}}
  AND ($stages IS NULL OR d.stage IN $stages)
  AND ($open IS NULL OR (NOT d.stage IN ["CLOSED_WON", "CLOSED_LOST"]) = $open)
  AND ($registrationStatuses IS NULL OR d.registrationStatus IN $registrationStatuses)
  AND ($customerId IS NULL OR EXISTS { (d)-[:FOR_CUSTOMER]->(:Customer {id: $customerId}) })
  AND ($solutionId IS NULL OR EXISTS { (d)-[:FOR_SOLUTION]->(:Solution {id: $solutionId}) })
  AND ($partnerId IS NULL OR EXISTS { (:Partner {id: $partnerId})-[:PARTICIPATES_IN]->(d) })
  AND ($nameContains IS NULL OR toLower(d.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(d.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (d)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Deal', system: $externalSystem, value: $externalValue}) })
// AMOUNT: the currency, then the amount in minor units zero-padded to 19 digits (2^63 - 1 has 19): an exact string
// key, so amounts of one currency sort by value and different currencies are never compared as numbers.
WITH d, CASE $orderField
          WHEN 'NAME' THEN d.name
          WHEN 'STAGE' THEN CASE d.stage WHEN 'REGISTERED' THEN 0 WHEN 'QUALIFIED' THEN 1 WHEN 'PROPOSAL' THEN 2 WHEN 'NEGOTIATION' THEN 3 WHEN 'CLOSED_WON' THEN 4 WHEN 'CLOSED_LOST' THEN 5 END
          WHEN 'AMOUNT' THEN d.currency + ':' + right('0000000000000000000' + toString(d.amountMinor), 19)
          WHEN 'CREATED_AT' THEN d.createdAt.epochMillis
          ELSE d.id
        END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND d.id > $afterId)))
   OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND d.id < $afterId)))
RETURN d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])} AS node, sortKey
ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
         CASE WHEN $descending THEN null ELSE d.id END ASC, CASE WHEN $descending THEN d.id END DESC
LIMIT $limit
