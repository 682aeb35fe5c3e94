// Returns {key: solution id, items: [{partner, role, since, until}] ordered by partner id, then since} of the ended memberships (HAD_MEMBERSHIP, README "Time") of each solution in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner)-[m:HAD_MEMBERSHIP]->(:Solution {id: id})
WITH id, p, m ORDER BY p.id, m.since
RETURN id AS key, collect({partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, role: m.role, since: m.since, until: m.until}) AS items
