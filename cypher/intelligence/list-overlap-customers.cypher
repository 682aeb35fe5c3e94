// Returns {node} for one page of the customers both $partnerId and $otherPartnerId have an account on, ordered by id. Params: $partnerId, $otherPartnerId, $after (id or null), $limit.
MATCH (p:Partner {id: $partnerId})-[:HAS_ACCOUNT]->(u:Customer)
WHERE ($after IS NULL OR u.id > $after)
  AND EXISTS { (:Partner {id: $otherPartnerId})-[:HAS_ACCOUNT]->(u) }
WITH DISTINCT u
RETURN u {.id, .name, .industry, .region, .segment} AS node
ORDER BY node.id
LIMIT $limit
