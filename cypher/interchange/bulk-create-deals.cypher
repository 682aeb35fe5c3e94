// Returns {count}: creates each deal with its customer and solution links and an IMPORTED DealEvent (a fresh load: every deal is new).
// Params: $rows [{id, name, customerId, solutionId, stage, amountMinor, currency, createdAt, closedAt, registrationStatus}] (datetimes as ISO strings).
UNWIND $rows AS row
MATCH (u:Customer {id: row.customerId})
CREATE (d:Deal:Entity {id: row.id, name: row.name, stage: row.stage, amountMinor: row.amountMinor, currency: row.currency,
                createdAt: datetime(row.createdAt), closedAt: datetime(row.closedAt), registrationStatus: row.registrationStatus})
CREATE (d)-[:FOR_CUSTOMER]->(u)
CREATE (d)-[:HAS_EVENT]->(:DealEvent {at: datetime(), kind: 'IMPORTED', to: row.registrationStatus})
WITH d, row
CALL (d, row) {
  MATCH (s:Solution {id: row.solutionId})
  CREATE (d)-[:FOR_SOLUTION]->(s)
}
RETURN count(*) AS count
