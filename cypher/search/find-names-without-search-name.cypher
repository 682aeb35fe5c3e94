// Returns {nodeId, name} of up to $limit partners, capabilities, customers and solutions that have a name but no searchName (filled in at start-up). Params: $limit.
// The label expression reads the four label scans only, not every node.
MATCH (n:Partner|Capability|Customer|Solution)
WHERE n.name IS NOT NULL AND n.searchName IS NULL
RETURN elementId(n) AS nodeId, n.name AS name
LIMIT $limit
