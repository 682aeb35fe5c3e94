// customer-accounts(c): Customer.accounts, the current accounts on c the viewer may see, ordered by partner id; binds p (the partner) and a (the HAS_ACCOUNT relationship). As customers/get-customer-accounts.
MATCH (p:Partner)-[a:HAS_ACCOUNT]->(c)
WHERE {{scope/account-visible(p, c)}}
WITH c, p, a ORDER BY p.id
