// Deletes the solution with its requirements and memberships (the service refuses while deals sell it); returns {deletedId}, no row when there is no such solution. Params: $id.
MATCH (s:Solution {id: $id})
DETACH DELETE s
RETURN $id AS deletedId
