// Returns {id} for each id in $ids that names an existing customer (used to check references before a write). Params: $ids.
UNWIND $ids AS id
MATCH (n:Customer {id: id})
RETURN DISTINCT n.id AS id
