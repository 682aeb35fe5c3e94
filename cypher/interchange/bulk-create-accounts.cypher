// Returns {count}: creates each account of a partner on a customer (a fresh load): HAS_ACCOUNT, or HAD_ACCOUNT when it has an until (README "Time"), with hubId = the partner's id (migration 010-hub-ids). Params: $rows [{partnerId, customerId, status, since, until}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (u:Customer {id: row.customerId})
CALL (p, u, row) {
  WITH * WHERE row.until IS NULL
  CREATE (p)-[a:HAS_ACCOUNT {status: row.status, hubId: p.id}]->(u)
  SET a.since = datetime(row.since)
}
CALL (p, u, row) {
  WITH * WHERE row.until IS NOT NULL
  CREATE (p)-[a:HAD_ACCOUNT {status: row.status, until: datetime(row.until), hubId: p.id}]->(u)
  SET a.since = datetime(row.since)
}
RETURN count(*) AS count
