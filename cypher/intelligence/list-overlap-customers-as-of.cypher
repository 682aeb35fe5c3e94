// Returns {node}: list-overlap-customers as of the instant $asOf (the accounts and grants that held then; README, "Time").
// Params: $partnerId, $otherPartnerId, $after (id or null), $limit, $asOf.
MATCH (p:Partner {id: $partnerId})-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(u:Customer)
WHERE {{time/holds-at(a, $asOf)}}
MATCH (q:Partner {id: $otherPartnerId})-[b:HAS_ACCOUNT|HAD_ACCOUNT]->(u)
WHERE {{time/holds-at(b, $asOf)}} AND {{scope/overlap-customers-visible-at(p, q, $asOf)}}
WITH DISTINCT u
WHERE $after IS NULL OR u.id > $after
RETURN u {.id, .name, .industry, .region, .segment, .domain} AS node
ORDER BY node.id
LIMIT $limit
