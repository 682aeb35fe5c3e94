// Marks every pair of the customers in $ids as distinct companies (one DISTINCT_FROM from the smaller id to the larger); returns {id} of each customer found. Params: $ids.
MATCH (a:Customer) WHERE a.id IN $ids
MATCH (b:Customer) WHERE b.id IN $ids AND a.id < b.id
MERGE (a)-[:DISTINCT_FROM]->(b)
WITH DISTINCT a, b
UNWIND [a.id, b.id] AS id
RETURN DISTINCT id
