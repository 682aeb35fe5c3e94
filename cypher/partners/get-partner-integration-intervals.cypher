// Returns {key: partner id, items: [{partner, since}] ordered by the other partner's id} of the current integrations (INTEGRATES_WITH, either direction, README "Time") of each partner in $ids, one item per relationship. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[i:INTEGRATES_WITH]-(o:Partner)
WITH id, i, o ORDER BY o.id, i.since
RETURN id AS key, collect({partner: o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, since: i.since}) AS items
