// Returns {count}: sets the searchName of each node. Params: $rows [{nodeId (an elementId), searchName}].
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.nodeId
SET n.searchName = row.searchName
RETURN count(*) AS count
