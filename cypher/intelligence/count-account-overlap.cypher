// Returns {status, otherStatus, count}: the customers on which both $partnerId and $otherPartnerId have an account, counted per pair of statuses (non-zero only);
// for a PARTNER viewer only when it is one side and the other grants it any sharing level. Params: $partnerId, $otherPartnerId.
// Two MATCH clauses, so a partner compared with itself shares all its customers.
MATCH (p:Partner {id: $partnerId})-[a:HAS_ACCOUNT]->(u:Customer)
MATCH (q:Partner {id: $otherPartnerId})-[b:HAS_ACCOUNT]->(u)
WHERE {{scope/overlap-counts-visible(p, q)}}
RETURN a.status AS status, b.status AS otherStatus, count(DISTINCT u) AS count
