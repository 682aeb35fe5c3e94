// Returns {a, b} (customer ids) for every pair marked distinct by markCustomersDistinct. No parameters.
MATCH (a:Customer)-[:DISTINCT_FROM]->(b:Customer)
RETURN a.id AS a, b.id AS b
