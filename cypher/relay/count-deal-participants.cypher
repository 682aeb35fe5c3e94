// Returns {key: deal id, count} for each deal in $ids: the number of its participants (as get-deal-participants-page): the relationship's degree, kept with the node, so no item is read. Params: $ids.
UNWIND $ids AS id
MATCH (e:Deal {id: id})
RETURN id AS key, COUNT { (e)<-[:PARTICIPATES_IN]-() } AS count
