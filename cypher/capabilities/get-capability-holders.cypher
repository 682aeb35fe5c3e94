// Returns {key: capability id, items: [{partner, level}] ordered by partner id} for each capability in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner)-[h:HAS_CAPABILITY]->(:Capability {id: id})
WITH id, p, h ORDER BY p.id
RETURN id AS key, collect({partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, level: h.level}) AS items
