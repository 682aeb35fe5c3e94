// Deletes the partner with all its relationships; returns {deletedId}, no row when there is no such partner. Params: $id.
MATCH (p:Partner {id: $id})
DETACH DELETE p
RETURN $id AS deletedId
