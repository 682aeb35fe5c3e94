// Returns {count}: creates each new deal (registration status given, one IMPORTED event) or updates an existing one's CRM fields (a stage change records a STAGE_CHANGED event; its status and participants stay, each participation's dealCreatedAt following the deal's createdAt: migration 010-hub-ids). Params: $rows [{id, isNew, name, customerId, stage, amountMinor, currency, createdAt, closedAt (or null), registrationStatus (new deals)}], $at.
UNWIND $rows AS row
MATCH (c:Customer {id: row.customerId})
MERGE (d:Deal {id: row.id})
SET d:Entity
WITH d, c, row, d.stage AS before, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
SET d.name = row.name, d.stage = row.stage, d.amountMinor = row.amountMinor, d.currency = row.currency,
    d.createdAt = datetime(row.createdAt), d.closedAt = datetime(row.closedAt)
WITH d, c, row, before, events
CALL (d) {
  MATCH (:Partner)-[r:PARTICIPATES_IN]->(d)
  SET r.dealCreatedAt = d.createdAt
}
CALL (d, row) {
  WITH * WHERE row.isNew
  SET d.registrationStatus = row.registrationStatus
  CREATE (d)-[:HAS_EVENT]->(:DealEvent {at: datetime($at), seq: 1, kind: 'IMPORTED', to: row.registrationStatus, note: 'CRM import'})
}
CALL (d, row, before, events) {
  WITH * WHERE NOT row.isNew AND before <> row.stage
  CREATE (d)-[:HAS_EVENT]->(:DealEvent {at: datetime($at), seq: events + 1, kind: 'STAGE_CHANGED', from: before, to: row.stage, note: 'CRM import'})
}
CALL (d, c) {
  OPTIONAL MATCH (d)-[old:FOR_CUSTOMER]->(other:Customer)
  WHERE other <> c
  DELETE old
}
MERGE (d)-[:FOR_CUSTOMER]->(c)
RETURN count(*) AS count
