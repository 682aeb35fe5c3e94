// Returns {key: solution id, items: [deal] ordered by id} of the deals selling each solution in $ids (for a PARTNER viewer only those it is on). Params: $ids.
UNWIND $ids AS id
MATCH (d:Deal)-[:FOR_SOLUTION]->(:Solution {id: id})
WHERE {{scope/deal-visible(d)}}
WITH id, d ORDER BY d.id
RETURN id AS key, collect(d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt, .registrationStatus, customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]), solutionId: head([(d)-[:FOR_SOLUTION]->(fs:Solution) | fs.id])}) AS items
