// Returns {node} for each customer whose id is in $ids (missing ids and customers the viewer may not see give no row). Params: $ids.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
WHERE {{scope/customer-visible(c)}}
RETURN c {.id, .name, .industry, .region, .segment, .domain} AS node
