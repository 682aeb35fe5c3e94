// Returns {count} of deals matching the filter, that the viewer may see. Params: as list-deals without $after and $limit.
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
RETURN count(d) AS count
