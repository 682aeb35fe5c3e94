// Returns {status, otherStatus, count}: the customers on which both $partnerId and $otherPartnerId have an account, counted per pair of statuses (non-zero only). Params: $partnerId, $otherPartnerId.
// Two MATCH clauses, so a partner compared with itself shares all its customers.
MATCH (p:Partner {id: $partnerId})-[a:HAS_ACCOUNT]->(u:Customer)
MATCH (q:Partner {id: $otherPartnerId})-[b:HAS_ACCOUNT]->(u)
RETURN a.status AS status, b.status AS otherStatus, count(DISTINCT u) AS count
