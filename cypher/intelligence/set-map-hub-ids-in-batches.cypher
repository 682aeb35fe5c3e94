// Returns {set}: gives every account (HAS_ACCOUNT, HAD_ACCOUNT) without one the hubId of its partner, every capability holding (HAS_CAPABILITY, HAD_CAPABILITY) without one the hubId of its capability, and every participation (PARTICIPATES_IN) without one the hubId of its partner and the dealCreatedAt of its deal (migration 010-hub-ids), committing every 10,000 relationships (auto-commit only: runAutoCommit; maintenance, not bound by request timeouts). Derived, never facts: the outbox records nothing (README, "Events"). No parameters.
CALL () {
  MATCH (p:Partner)-[r:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer)
  WHERE r.hubId IS NULL
  RETURN r, p.id AS hubId, null AS dealCreatedAt
  UNION ALL
  MATCH (:Partner)-[r:HAS_CAPABILITY|HAD_CAPABILITY]->(c:Capability)
  WHERE r.hubId IS NULL
  RETURN r, c.id AS hubId, null AS dealCreatedAt
  UNION ALL
  MATCH (p:Partner)-[r:PARTICIPATES_IN]->(d:Deal)
  WHERE r.hubId IS NULL
  RETURN r, p.id AS hubId, d.createdAt AS dealCreatedAt
}
CALL (r, hubId, dealCreatedAt) {
  SET r.hubId = hubId
  SET r.dealCreatedAt = coalesce(dealCreatedAt, r.dealCreatedAt)
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS set
