// Returns {key: partner id, items: [partner] ordered by id} of the partners each partner in $ids integrates with (either direction). Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[:INTEGRATES_WITH]-(o:Partner)
WITH id, o ORDER BY o.id
RETURN id AS key, collect(DISTINCT o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}) AS items
