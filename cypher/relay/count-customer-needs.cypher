// Returns {key: customer id, count} for each customer in $ids: the number of the capabilities it needs (as get-customer-needs-page): the relationship's degree, kept with the node, so no item is read. Params: $ids.
UNWIND $ids AS id
MATCH (u:Customer {id: id})
RETURN id AS key, COUNT { (u)-[:NEEDS]->() } AS count
