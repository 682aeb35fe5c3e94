// Returns {id} for each id in $ids that names an existing customer (used to check references before a write);
// for a PARTNER viewer only customers it may see, so it cannot register a deal on one it may not. Params: $ids.
UNWIND $ids AS id
MATCH (n:Customer {id: id})
WHERE {{scope/customer-visible(n)}}
RETURN DISTINCT n.id AS id
