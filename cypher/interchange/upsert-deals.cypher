// Returns {count}: creates or updates each deal by id, replaces its customer, solution and participants, and records an IMPORTED DealEvent on each new deal (row.isNew); a participation carries hubId = the partner's id and dealCreatedAt = the deal's createdAt (migration 010-hub-ids).
// Params: $rows [{id, isNew, name, customerId, solutionId, stage, amountMinor, currency, createdAt, closedAt, registrationStatus, participants: [{partnerId, role, sourced, registeredAt}]}] (datetimes as ISO strings).
UNWIND $rows AS row
MERGE (d:Deal {id: row.id})
SET d:Entity
SET d.name = row.name, d.stage = row.stage, d.amountMinor = row.amountMinor, d.currency = row.currency,
    d.createdAt = datetime(row.createdAt), d.closedAt = datetime(row.closedAt), d.registrationStatus = row.registrationStatus
WITH d, row
CALL (d) {
  MATCH (d)-[old:FOR_CUSTOMER|FOR_SOLUTION]->()
  DELETE old
}
CALL (d) {
  MATCH (:Partner)-[old:PARTICIPATES_IN]->(d)
  DELETE old
}
CALL (d, row) {
  MATCH (u:Customer {id: row.customerId})
  CREATE (d)-[:FOR_CUSTOMER]->(u)
}
CALL (d, row) {
  MATCH (s:Solution {id: row.solutionId})
  CREATE (d)-[:FOR_SOLUTION]->(s)
}
CALL (d, row) {
  UNWIND row.participants AS participant
  MATCH (p:Partner {id: participant.partnerId})
  CREATE (p)-[:PARTICIPATES_IN {role: participant.role, sourced: participant.sourced, registeredAt: datetime(participant.registeredAt), hubId: p.id, dealCreatedAt: d.createdAt}]->(d)
}
FOREACH (_ IN CASE WHEN row.isNew THEN [1] ELSE [] END |
  CREATE (d)-[:HAS_EVENT]->(:DealEvent {at: datetime(), kind: 'IMPORTED', to: row.registrationStatus})
)
RETURN count(*) AS count
