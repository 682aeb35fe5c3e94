// Returns {id} for each id in $ids that names an existing deal. Params: $ids.
UNWIND $ids AS id
MATCH (d:Deal {id: id})
RETURN DISTINCT d.id AS id
