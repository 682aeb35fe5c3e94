// Sets the given properties of a customer (a null value removes one); returns {node}, no row when there is no such customer. Params: $id, $changes (a map).
MATCH (c:Customer {id: $id})
SET c += $changes
RETURN c {.id, .name, .industry, .region, .segment, .domain} AS node
