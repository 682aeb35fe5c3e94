// Returns {key: solution id, count} for each solution in $ids: the number of its members (as get-solution-members-page): the relationship's degree, kept with the node, so no item is read. Params: $ids.
UNWIND $ids AS id
MATCH (s:Solution {id: id})
RETURN id AS key, COUNT { (s)<-[:MEMBER_OF]-() } AS count
