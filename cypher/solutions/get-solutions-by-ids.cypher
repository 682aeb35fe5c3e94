// Returns {node} for each solution whose id is in $ids (missing ids give no row). Params: $ids.
UNWIND $ids AS id
MATCH (s:Solution {id: id})
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node
