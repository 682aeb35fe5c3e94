// Sets the given properties of a solution (a null value removes one); returns {node}, no row when there is no such solution. Params: $id, $changes (a map).
MATCH (s:Solution {id: $id})
SET s += $changes
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node
