// Returns {key: partner id, items: [{partner, since, until}] ordered by the other partner's id, then since} of the ended integrations (HAD_INTEGRATION, either direction, README "Time") of each partner in $ids, one item per interval. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[i:HAD_INTEGRATION]-(o:Partner)
WITH id, i, o ORDER BY o.id, i.since
RETURN id AS key, collect({partner: o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, since: i.since, until: i.until}) AS items
