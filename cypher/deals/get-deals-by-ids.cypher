// Returns {node} for each deal whose id is in $ids (missing ids give no row). Params: $ids.
UNWIND $ids AS id
MATCH (d:Deal {id: id})
RETURN d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])} AS node
