// Returns {node} for each partner whose id is in $ids (missing ids give no row). Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
