// Returns {domain, id} of the customers whose domain is in $domains. Params: $domains.
UNWIND $domains AS domain
MATCH (c:Customer {domain: domain})
RETURN domain, c.id AS id
