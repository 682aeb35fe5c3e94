// customer-deals(c): Customer.deals, the deals on c the viewer may see, ordered by deal id; binds d. As customers/get-customer-deals.
MATCH (d:Deal)-[:FOR_CUSTOMER]->(c)
WHERE {{scope/deal-visible(d)}}
WITH c, d ORDER BY d.id
