// Ends the partner's membership of the solution at $now if it was a member: re-typed HAD_MEMBERSHIP with until = $now (README "Time"; an interval that began at $now is dropped); returns {node}: the solution. Params: $solutionId, $partnerId, $now.
MATCH (s:Solution {id: $solutionId})
OPTIONAL MATCH (q:Partner {id: $partnerId})-[m:MEMBER_OF]->(s)
WITH s, q, m, datetime($now) AS now
FOREACH (_ IN CASE WHEN m IS NOT NULL AND (m.since IS NULL OR m.since < now) THEN [1] ELSE [] END |
  CREATE (q)-[ended:HAD_MEMBERSHIP]->(s) SET ended = properties(m), ended.until = now)
DELETE m
RETURN DISTINCT s {.id, .name, .description, .status, .regions, .industries} AS node
