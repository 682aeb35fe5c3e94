// Returns {id, name} of up to $limit customers that have no normalizedName yet (written before migration 005-identity). Params: $limit.
MATCH (c:Customer)
WHERE c.normalizedName IS NULL
RETURN c.id AS id, c.name AS name
LIMIT $limit
