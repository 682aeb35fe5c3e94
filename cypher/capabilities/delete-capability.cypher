// Deletes the capability with its relationships (its children become roots); returns {deletedId}, no row when there is no such capability. Params: $id.
MATCH (c:Capability {id: $id})
DETACH DELETE c
RETURN $id AS deletedId
