// Returns {count}: creates each capability (a fresh load: none of these ids exists). Params: $rows [{id, name, searchName, category, description}].
UNWIND $rows AS row
CREATE (:Capability:Entity {id: row.id, name: row.name, searchName: row.searchName, category: row.category, description: row.description})
RETURN count(*) AS count
