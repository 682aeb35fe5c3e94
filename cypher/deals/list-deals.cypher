// Returns {node} for one page of deals ordered by id, matching the filter, that the viewer may see.
// Params: $after (id or null), $limit, $stages, $registrationStatuses (lists or null), $open (boolean or null), $customerId, $partnerId, $solutionId, $nameContains, $namePrefix, $externalSystem and $externalValue (or null).
MATCH (d:Deal)
WHERE {{scope/deal-visible(d)}}
  AND d.id > coalesce($after, '')
  AND ($stages IS NULL OR d.stage IN $stages)
  AND ($open IS NULL OR (NOT d.stage IN ["CLOSED_WON", "CLOSED_LOST"]) = $open)
  AND ($registrationStatuses IS NULL OR d.registrationStatus IN $registrationStatuses)
  AND ($customerId IS NULL OR EXISTS { (d)-[:FOR_CUSTOMER]->(:Customer {id: $customerId}) })
  AND ($solutionId IS NULL OR EXISTS { (d)-[:FOR_SOLUTION]->(:Solution {id: $solutionId}) })
  AND ($partnerId IS NULL OR EXISTS { (:Partner {id: $partnerId})-[:PARTICIPATES_IN]->(d) })
  AND ($nameContains IS NULL OR toLower(d.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(d.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (d)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Deal', system: $externalSystem, value: $externalValue}) })
RETURN d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])} AS node
ORDER BY d.id
LIMIT $limit
