// Returns {key: partner id, items: [{fromId, toId, level, since, from, to}] ordered by grantee id} of the grants each partner in $ids (for a PARTNER viewer only grants it is party to) gives. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[g:SHARES_WITH]->(o:Partner)
WHERE {{scope/grant-visible(p, o)}}
WITH id, p, g, o ORDER BY o.id
RETURN id AS key, collect({fromId: id, toId: o.id, level: g.level, since: g.since, from: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, to: o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
