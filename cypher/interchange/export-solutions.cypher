// Returns {id, name, description, status, regions, industries, requires: [capability id], members: [{partnerId, role, since, until}] (current and ended, README "Time"), externalIds: [{system, id}]} for every solution, ordered by id. No parameters.
MATCH (s:Solution)
RETURN s.id AS id, s.name AS name, s.description AS description, s.status AS status, s.regions AS regions, s.industries AS industries,
       COLLECT { MATCH (s)-[:REQUIRES]->(c:Capability) RETURN c.id } AS requires,
       COLLECT { MATCH (p:Partner)-[m:MEMBER_OF|HAD_MEMBERSHIP]->(s) RETURN {partnerId: p.id, role: m.role, since: m.since, until: m.until} } AS members,
       COLLECT { MATCH (s)-[:HAS_EXTERNAL_ID]->(x:ExternalId) RETURN {system: x.system, id: x.value} } AS externalIds
ORDER BY id
