// Returns {count}: creates or updates each capability by id (absent fields are removed). Params: $rows [{id, name, searchName, category, description}].
UNWIND $rows AS row
MERGE (c:Capability {id: row.id})
SET c:Entity
SET c.name = row.name, c.searchName = row.searchName, c.category = row.category, c.description = row.description
RETURN count(*) AS count
