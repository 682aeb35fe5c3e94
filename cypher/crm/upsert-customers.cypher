// Returns {count}: creates or updates each customer by id with the CRM's fields (needs, accounts and deals untouched). Params: $rows [{id, name, searchName, normalizedName, domain, industry, region}].
UNWIND $rows AS row
MERGE (c:Customer {id: row.id})
SET c:Entity
SET c.name = row.name, c.searchName = row.searchName, c.normalizedName = row.normalizedName, c.domain = row.domain, c.industry = row.industry, c.region = row.region
RETURN count(*) AS count
