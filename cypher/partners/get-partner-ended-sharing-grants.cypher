// Returns {key: partner id, items: [{fromId, toId, level, since, until, from, to}] ordered by grantee id, then since} of the ended grants (HAD_SHARING, README "Time") each partner in $ids gave (for a PARTNER viewer only grants it is party to). Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[g:HAD_SHARING]->(o:Partner)
WHERE {{scope/grant-visible(p, o)}}
WITH id, p, g, o ORDER BY o.id, g.since
RETURN id AS key, collect({fromId: id, toId: o.id, level: g.level, since: g.since, until: g.until, from: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, to: o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
