// Returns {id, customerId, stage, createdAt, registrationStatus, resellerIds} for each deal on the customers in $customerIds. Params: $customerIds.
UNWIND $customerIds AS customerId
MATCH (d:Deal)-[:FOR_CUSTOMER]->(:Customer {id: customerId})
RETURN d.id AS id, customerId, d.stage AS stage, d.createdAt AS createdAt, d.registrationStatus AS registrationStatus,
       COLLECT { MATCH (p:Partner)-[:PARTICIPATES_IN {role: 'RESELLER'}]->(d) RETURN p.id } AS resellerIds
