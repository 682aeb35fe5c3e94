// partner-accounts(p): Partner.accounts, p's current accounts the viewer may see ordered by customer id; binds a (the HAS_ACCOUNT relationship) and c (the customer). As partners/get-partner-accounts.
MATCH (p)-[a:HAS_ACCOUNT]->(c:Customer)
WHERE {{scope/account-visible(p, c)}}
WITH p, a, c ORDER BY c.id
