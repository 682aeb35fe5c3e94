// Returns {id} for each id in $ids that a Deal already has. Params: $ids.
UNWIND $ids AS id
MATCH (d:Deal {id: id})
RETURN d.id AS id
