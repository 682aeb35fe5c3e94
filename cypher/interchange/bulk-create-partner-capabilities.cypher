// Returns {count}: creates each holding of a capability (a fresh load): HAS_CAPABILITY, or HAD_CAPABILITY when it has an until (README "Time"), with hubId = the capability's id (migration 010-hub-ids). Params: $rows [{partnerId, capabilityId, level, since, until}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (c:Capability {id: row.capabilityId})
CALL (p, c, row) {
  WITH * WHERE row.until IS NULL
  CREATE (p)-[h:HAS_CAPABILITY {level: row.level, hubId: c.id}]->(c)
  SET h.since = datetime(row.since)
}
CALL (p, c, row) {
  WITH * WHERE row.until IS NOT NULL
  CREATE (p)-[h:HAD_CAPABILITY {level: row.level, until: datetime(row.until), hubId: c.id}]->(c)
  SET h.since = datetime(row.since)
}
RETURN count(*) AS count
