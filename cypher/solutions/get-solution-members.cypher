// Returns {key: solution id, items: [{partner, role, since}] ordered by partner id} for each solution in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner)-[m:MEMBER_OF]->(:Solution {id: id})
WITH id, p, m ORDER BY p.id
RETURN id AS key, collect({partner: p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}, role: m.role, since: m.since}) AS items
