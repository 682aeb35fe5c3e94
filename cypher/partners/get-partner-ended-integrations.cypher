// Returns {key: partner id, items: [partner] ordered by id} of the partners each partner in $ids had an integration with that has ended (HAD_INTEGRATION, either direction, README "Time"). Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[:HAD_INTEGRATION]-(o:Partner)
WITH id, o ORDER BY o.id
RETURN id AS key, collect(DISTINCT o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}) AS items
