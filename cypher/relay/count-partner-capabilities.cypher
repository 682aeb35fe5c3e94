// Returns {key: partner id, count} for each partner in $ids: the number of its capabilities (as get-partner-capabilities-page): the relationship's degree, kept with the node, so no item is read. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN id AS key, COUNT { (p)-[:HAS_CAPABILITY]->() } AS count
