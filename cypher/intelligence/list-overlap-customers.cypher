// Returns {node} for one page of the customers both $partnerId and $otherPartnerId have an account on, ordered by id;
// for a PARTNER viewer only when it is one side and the other grants it OVERLAPS or FULL. Params: $partnerId, $otherPartnerId, $after (id or null), $limit.
// Two MATCH clauses (joined on the customer), so a partner compared with itself shares all its customers.
MATCH (p:Partner {id: $partnerId})-[:HAS_ACCOUNT]->(u:Customer)
MATCH (q:Partner {id: $otherPartnerId})-[:HAS_ACCOUNT]->(u)
WHERE {{scope/overlap-customers-visible(p, q)}}
WITH DISTINCT u
WHERE $after IS NULL OR u.id > $after
RETURN u {.id, .name, .industry, .region, .segment, .domain} AS node
ORDER BY node.id
LIMIT $limit
