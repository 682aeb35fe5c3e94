// Makes the partner a member of the solution with a role (replacing an earlier role); returns {node}: the solution. Params: $solutionId, $partnerId, $role.
MATCH (s:Solution {id: $solutionId}), (p:Partner {id: $partnerId})
MERGE (p)-[m:MEMBER_OF]->(s)
SET m.role = $role
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node
