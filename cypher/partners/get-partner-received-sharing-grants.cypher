// Returns {key: partner id, items: [{fromId, toId, level, since, from, to}] ordered by grantor id} of the grants each partner in $ids (for a PARTNER viewer only grants it is party to) receives. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})<-[g:SHARES_WITH]-(o:Partner)
WHERE {{scope/grant-visible(p, o)}}
WITH id, p, g, o ORDER BY o.id
RETURN id AS key, collect({fromId: o.id, toId: id, level: g.level, since: g.since, from: o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, to: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
