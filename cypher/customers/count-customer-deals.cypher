// Returns {count, dealIds} of the deals on the customer (dealIds: the first 10 by id). Params: $id.
OPTIONAL MATCH (d:Deal)-[:FOR_CUSTOMER]->(:Customer {id: $id})
WITH d ORDER BY d.id
RETURN count(d) AS count, collect(d.id)[..10] AS dealIds
