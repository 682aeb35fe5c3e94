// Deletes the customer with its accounts and needs; returns {deletedId}, no row when there is no such customer. Params: $id.
MATCH (c:Customer {id: $id})
DETACH DELETE c
RETURN $id AS deletedId
