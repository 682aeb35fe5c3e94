// Returns {status, otherStatus, count}: count-account-overlap as of the instant $asOf: the accounts (current or ended) that held then, with their
// status then, and the grants that held then (README, "Time"). Params: $partnerId, $otherPartnerId, $asOf.
MATCH (p:Partner {id: $partnerId})-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(u:Customer)
WHERE {{time/holds-at(a, $asOf)}}
MATCH (q:Partner {id: $otherPartnerId})-[b:HAS_ACCOUNT|HAD_ACCOUNT]->(u)
WHERE {{time/holds-at(b, $asOf)}} AND {{scope/overlap-counts-visible-at(p, q, $asOf)}}
RETURN a.status AS status, b.status AS otherStatus, count(DISTINCT u) AS count
