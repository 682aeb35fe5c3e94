// Sets each customer's normalizedName; returns {count}. Params: $rows [{id, normalizedName}].
UNWIND $rows AS row
MATCH (c:Customer {id: row.id})
SET c.normalizedName = row.normalizedName
RETURN count(*) AS count
