// Returns {key: partner id, items: [{solution, role, since, until}] ordered by solution id, then since} of the ended memberships (HAD_MEMBERSHIP, README "Time") of each partner in $ids; for a PARTNER viewer only solutions it may see. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})-[m:HAD_MEMBERSHIP]->(s:Solution)
WHERE {{scope/solution-visible(s)}}
WITH id, m, s ORDER BY s.id, m.since
RETURN id AS key, collect({solution: s {.id, .name, .description, .status, .regions, .industries}, role: m.role, since: m.since, until: m.until}) AS items
