// Returns {count}: sets the accounts of each partner and customer pair to the given entries: every current and ended account of the pair (HAS_ACCOUNT, HAD_ACCOUNT) is replaced, an entry with until becomes HAD_ACCOUNT, one without HAS_ACCOUNT (README "Time"), each with hubId = the partner's id (migration 010-hub-ids). Params: $rows [{partnerId, customerId, entries: [{status, since, until}]}] (one row per pair).
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (u:Customer {id: row.customerId})
CALL (p, u) {
  MATCH (p)-[old:HAS_ACCOUNT|HAD_ACCOUNT]->(u)
  DELETE old
}
CALL (p, u, row) {
  UNWIND row.entries AS entry
  WITH * WHERE entry.until IS NULL
  CREATE (p)-[a:HAS_ACCOUNT {status: entry.status, hubId: p.id}]->(u)
  SET a.since = datetime(entry.since)
}
CALL (p, u, row) {
  UNWIND row.entries AS entry
  WITH * WHERE entry.until IS NOT NULL
  CREATE (p)-[a:HAD_ACCOUNT {status: entry.status, until: datetime(entry.until), hubId: p.id}]->(u)
  SET a.since = datetime(entry.since)
}
RETURN count(*) AS count
