// Removes the partner from the solution's members if it was one; returns {node}: the solution. Params: $solutionId, $partnerId.
MATCH (s:Solution {id: $solutionId})
OPTIONAL MATCH (:Partner {id: $partnerId})-[m:MEMBER_OF]->(s)
DELETE m
RETURN DISTINCT s {.id, .name, .description, .status, .regions, .industries} AS node
