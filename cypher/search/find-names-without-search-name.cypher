// Returns {nodeId, name} of up to $limit partners, capabilities, customers and solutions that have a name but no searchName (filled in at start-up). Params: $limit.
MATCH (n)
WHERE (n:Partner OR n:Capability OR n:Customer OR n:Solution) AND n.name IS NOT NULL AND n.searchName IS NULL
RETURN elementId(n) AS nodeId, n.name AS name
LIMIT $limit
