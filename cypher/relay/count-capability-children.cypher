// Returns {key: capability id, count} for each capability in $ids: the number of its direct children (as get-capability-children-page): the relationship's degree, kept with the node, so no item is read. Params: $ids.
UNWIND $ids AS id
MATCH (k:Capability {id: id})
RETURN id AS key, COUNT { (k)<-[:CHILD_OF]-() } AS count
