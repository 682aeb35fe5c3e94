// Returns {count} of Partner nodes (is the ecosystem empty?). No parameters.
MATCH (p:Partner)
RETURN count(p) AS count
