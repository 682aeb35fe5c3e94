// Creates the solution or, when the id exists, sets it to exactly these values (requires and members are set separately); returns {node}. Params: $id, $name, $searchName, $description, $status, $regions, $industries.
MERGE (s:Solution {id: $id})
SET s:Entity
SET s.name = $name, s.searchName = $searchName, s.description = $description, s.status = $status, s.regions = $regions, s.industries = $industries
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node
