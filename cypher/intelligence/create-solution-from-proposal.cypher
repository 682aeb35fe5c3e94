// Creates a DRAFT solution requiring $capabilityIds with $members ([{partnerId, role or null}]; role defaults to the partner's first type); returns {node}. Params: $id, $name, $searchName, $description, $regions, $industries, $capabilityIds, $members.
CREATE (s:Solution:Entity {id: $id, name: $name, searchName: $searchName, status: 'DRAFT', regions: $regions, industries: $industries})
SET s.description = $description
WITH s
CALL (s) {
  UNWIND $capabilityIds AS capabilityId
  MATCH (c:Capability {id: capabilityId})
  MERGE (s)-[:REQUIRES]->(c)
  RETURN count(*) AS required
}
CALL (s) {
  UNWIND $members AS member
  MATCH (p:Partner {id: member.partnerId})
  MERGE (p)-[m:MEMBER_OF]->(s)
  SET m.role = coalesce(member.role, head(p.types))
  RETURN count(*) AS members
}
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node
