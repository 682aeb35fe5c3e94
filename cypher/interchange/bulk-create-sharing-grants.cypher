// Returns {count}: creates each grant, grantor to grantee (a fresh load): SHARES_WITH, or HAD_SHARING when it has an until (README "Time"). Params: $rows [{fromId, toId, level, since, until}].
UNWIND $rows AS row
MATCH (grantor:Partner {id: row.fromId})
MATCH (grantee:Partner {id: row.toId})
CALL (grantor, grantee, row) {
  WITH * WHERE row.until IS NULL
  CREATE (grantor)-[g:SHARES_WITH {level: row.level}]->(grantee)
  SET g.since = datetime(row.since)
}
CALL (grantor, grantee, row) {
  WITH * WHERE row.until IS NOT NULL
  CREATE (grantor)-[g:HAD_SHARING {level: row.level, until: datetime(row.until)}]->(grantee)
  SET g.since = datetime(row.since)
}
RETURN count(*) AS count
