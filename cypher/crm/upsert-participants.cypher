// Returns {count}: adds each partner to its deal (registeredAt = the deal's createdAt, a PARTICIPANT_ADDED event) or updates its role and sourced flag; a participation carries hubId = the partner's id and dealCreatedAt = the deal's createdAt (migration 010-hub-ids). Params: $rows [{dealId, partnerId, role, sourced}], $at.
UNWIND $rows AS row
MATCH (d:Deal {id: row.dealId}), (p:Partner {id: row.partnerId})
OPTIONAL MATCH (p)-[existing:PARTICIPATES_IN]->(d)
WITH d, p, row, existing, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
CALL (d, p, row, existing, events) {
  WITH * WHERE existing IS NULL
  CREATE (p)-[:PARTICIPATES_IN {role: row.role, sourced: row.sourced, registeredAt: d.createdAt, hubId: p.id, dealCreatedAt: d.createdAt}]->(d)
  CREATE (d)-[:HAS_EVENT]->(:DealEvent {at: datetime($at), seq: events + 1, kind: 'PARTICIPANT_ADDED', to: p.id, note: 'CRM import'})
}
CALL (existing, row) {
  WITH * WHERE existing IS NOT NULL
  SET existing.role = row.role, existing.sourced = row.sourced
}
RETURN count(*) AS count
