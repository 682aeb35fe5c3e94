// Returns {node} for each deal whose id is in $ids (missing ids and deals the viewer is not on give no row). Params: $ids.
UNWIND $ids AS id
MATCH (d:Deal {id: id})
WHERE {{scope/deal-visible(d)}}
RETURN d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])} AS node
