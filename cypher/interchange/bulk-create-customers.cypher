// Returns {count}: creates each customer (a fresh load: none of these ids exists). Params: $rows [{id, name, searchName, normalizedName, domain, industry, region, segment}].
UNWIND $rows AS row
CREATE (:Customer:Entity {id: row.id, name: row.name, searchName: row.searchName, normalizedName: row.normalizedName, domain: row.domain, industry: row.industry, region: row.region, segment: row.segment})
RETURN count(*) AS count
