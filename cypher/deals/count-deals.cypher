// Returns {count} of deals matching the filter, that the viewer may see. Params: as list-deals without $after and $limit.
MATCH (d:Deal)
WHERE {{scope/deal-visible(d)}}
  AND ($stages IS NULL OR d.stage IN $stages)
  AND ($open IS NULL OR (NOT d.stage IN ["CLOSED_WON", "CLOSED_LOST"]) = $open)
  AND ($registrationStatuses IS NULL OR d.registrationStatus IN $registrationStatuses)
  AND ($customerId IS NULL OR EXISTS { (d)-[:FOR_CUSTOMER]->(:Customer {id: $customerId}) })
  AND ($solutionId IS NULL OR EXISTS { (d)-[:FOR_SOLUTION]->(:Solution {id: $solutionId}) })
  AND ($partnerId IS NULL OR EXISTS { (:Partner {id: $partnerId})-[:PARTICIPATES_IN]->(d) })
RETURN count(d) AS count
