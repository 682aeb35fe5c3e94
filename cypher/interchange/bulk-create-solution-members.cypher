// Returns {count}: creates each membership (a fresh load): MEMBER_OF, or HAD_MEMBERSHIP when it has an until (README "Time"). Params: $rows [{solutionId, partnerId, role, since, until}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (s:Solution {id: row.solutionId})
CALL (p, s, row) {
  WITH * WHERE row.until IS NULL
  CREATE (p)-[m:MEMBER_OF {role: row.role}]->(s)
  SET m.since = datetime(row.since)
}
CALL (p, s, row) {
  WITH * WHERE row.until IS NOT NULL
  CREATE (p)-[m:HAD_MEMBERSHIP {role: row.role, until: datetime(row.until)}]->(s)
  SET m.since = datetime(row.since)
}
RETURN count(*) AS count
