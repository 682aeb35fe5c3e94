// Returns {key: partner id, items: [{solution, role, since}] ordered by solution id} for each partner in $ids; for a PARTNER viewer only solutions it is a member of. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[m:MEMBER_OF]->(s:Solution)
WHERE {{scope/solution-visible(s)}}
WITH id, m, s ORDER BY s.id
RETURN id AS key, collect({solution: s {.id, .name, .description, .status, .regions, .industries}, role: m.role, since: m.since}) AS items
