// Returns {count} of deals on the customer. Params: $id.
MATCH (d:Deal)-[:FOR_CUSTOMER]->(:Customer {id: $id})
RETURN count(d) AS count
