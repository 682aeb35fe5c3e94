// Returns {count}: creates or updates each solution by id and replaces its REQUIRES links and members. Params: $rows [{id, name, searchName, description, status, regions, industries, requires: [capability id], members: [{partnerId, role}]}].
UNWIND $rows AS row
MERGE (s:Solution {id: row.id})
SET s:Entity
SET s.name = row.name, s.searchName = row.searchName, s.description = row.description, s.status = row.status, s.regions = row.regions, s.industries = row.industries
WITH s, row
CALL (s) {
  MATCH (s)-[old:REQUIRES]->()
  DELETE old
}
CALL (s) {
  MATCH (:Partner)-[old:MEMBER_OF]->(s)
  DELETE old
}
CALL (s, row) {
  UNWIND row.requires AS capabilityId
  MATCH (c:Capability {id: capabilityId})
  CREATE (s)-[:REQUIRES]->(c)
}
CALL (s, row) {
  UNWIND row.members AS member
  MATCH (p:Partner {id: member.partnerId})
  CREATE (p)-[:MEMBER_OF {role: member.role}]->(s)
}
RETURN count(*) AS count
