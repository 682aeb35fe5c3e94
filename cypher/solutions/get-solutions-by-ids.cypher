// Returns {node} for each solution whose id is in $ids (missing ids and solutions the viewer may not see give no row). Params: $ids.
UNWIND $ids AS id
MATCH (s:Solution {id: id})
WHERE {{scope/solution-visible(s)}}
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node
