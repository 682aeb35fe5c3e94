// Returns {count}: creates each solution (a fresh load: none of these ids exists). Params: $rows [{id, name, searchName, description, status, regions, industries}].
UNWIND $rows AS row
CREATE (:Solution:Entity {id: row.id, name: row.name, searchName: row.searchName, description: row.description, status: row.status, regions: row.regions, industries: row.industries})
RETURN count(*) AS count
