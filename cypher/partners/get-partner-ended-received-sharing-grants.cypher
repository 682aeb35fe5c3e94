// Returns {key: partner id, items: [{fromId, toId, level, since, until, from, to}] ordered by grantor id, then since} of the ended grants (HAD_SHARING, README "Time") each partner in $ids received (for a PARTNER viewer only grants it is party to). Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})<-[g:HAD_SHARING]-(o:Partner)
WHERE {{scope/grant-visible(p, o)}}
WITH id, p, g, o ORDER BY o.id, g.since
RETURN id AS key, collect({fromId: o.id, toId: id, level: g.level, since: g.since, until: g.until, from: o {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, to: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}}) AS items
