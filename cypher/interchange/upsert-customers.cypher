// Returns {count}: creates or updates each customer by id and replaces its NEEDS links. Params: $rows [{id, name, searchName, normalizedName, domain, industry, region, segment, needs: [capability id]}].
UNWIND $rows AS row
MERGE (u:Customer {id: row.id})
SET u:Entity
SET u.name = row.name, u.searchName = row.searchName, u.normalizedName = row.normalizedName, u.domain = row.domain, u.industry = row.industry, u.region = row.region, u.segment = row.segment
WITH u, row
CALL (u) {
  MATCH (u)-[old:NEEDS]->()
  DELETE old
}
CALL (u, row) {
  UNWIND row.needs AS needId
  MATCH (c:Capability {id: needId})
  CREATE (u)-[:NEEDS]->(c)
}
RETURN count(*) AS count
