// Deletes the solution with its requirements and memberships (deals selling it keep existing, without a solution); returns {deletedId}, no row when there is no such solution. Params: $id.
MATCH (s:Solution {id: $id})
DETACH DELETE s
RETURN $id AS deletedId
