// partner-accounts-page(p, $limit): Partner.accountsConnection(first) without cursor, filter or order: the first $limit accounts of p the viewer may see, in customer id order; binds a and c. As relay/get-partner-accounts-page.
MATCH (p)-[a:HAS_ACCOUNT]->(c:Customer)
WHERE {{scope/account-visible(p, c)}}
WITH p, a, c ORDER BY c.id
LIMIT $limit
