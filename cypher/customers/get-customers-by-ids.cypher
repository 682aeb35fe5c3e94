// Returns {node} for each customer whose id is in $ids (missing ids give no row). Params: $ids.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
RETURN c {.id, .name, .industry, .region, .segment} AS node
