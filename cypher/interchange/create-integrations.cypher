// Returns {count}: one INTEGRATES_WITH (no until) or HAD_INTEGRATION (ended, README "Time") per integration interval, from the smaller id to the larger (replace-partner-links removed the partners' earlier ones). Params: $rows [{fromId, toId, since, until}] with fromId < toId.
UNWIND $rows AS row
MATCH (a:Partner {id: row.fromId})
MATCH (b:Partner {id: row.toId})
CALL (a, b, row) {
  WITH * WHERE row.until IS NULL
  MERGE (a)-[r:INTEGRATES_WITH]->(b)
  SET r.since = datetime(row.since)
}
CALL (a, b, row) {
  WITH * WHERE row.until IS NOT NULL
  CREATE (a)-[r:HAD_INTEGRATION {until: datetime(row.until)}]->(b)
  SET r.since = datetime(row.since)
}
RETURN count(*) AS count
