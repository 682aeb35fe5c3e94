// Returns {dealId, participants} for each deal the partner takes part in (participants: how many partners the deal has, this one included), ordered by deal id. Params: $id.
MATCH (:Partner {id: $id})-[:PARTICIPATES_IN]->(d:Deal)
RETURN d.id AS dealId, COUNT { (:Partner)-[:PARTICIPATES_IN]->(d) } AS participants
ORDER BY dealId
