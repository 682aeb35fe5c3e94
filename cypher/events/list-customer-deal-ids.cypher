// Returns {dealIds}: the ids of the deals on the customers $ids (for the outbox's tracking before a merge moves them).
// Params: $ids.
UNWIND $ids AS id
OPTIONAL MATCH (:Customer {id: id})<-[:FOR_CUSTOMER]-(d:Deal)
RETURN collect(DISTINCT d.id) AS dealIds
