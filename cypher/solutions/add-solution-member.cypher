// Makes the partner a member of the solution with a role (since = $now); another role than the current one ends that membership (HAD_MEMBERSHIP, until = $now) and opens the next, the same role changes nothing (README "Time"); returns {node}: the solution. Params: $solutionId, $partnerId, $role, $now.
MATCH (s:Solution {id: $solutionId}), (p:Partner {id: $partnerId})
OPTIONAL MATCH (p)-[old:MEMBER_OF]->(s)
WITH s, p, old, datetime($now) AS now
FOREACH (_ IN CASE WHEN old IS NOT NULL AND old.role <> $role AND (old.since IS NULL OR old.since < now) THEN [1] ELSE [] END |
  CREATE (p)-[ended:HAD_MEMBERSHIP]->(s) SET ended = properties(old), ended.until = now)
FOREACH (_ IN CASE WHEN old IS NOT NULL AND old.role <> $role THEN [1] ELSE [] END | DELETE old)
WITH DISTINCT s, p, now
MERGE (p)-[m:MEMBER_OF]->(s)
ON CREATE SET m.since = now
SET m.role = $role
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node
