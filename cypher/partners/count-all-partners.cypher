// Returns {count} of every partner (count-partners without a filter), read from the count store. No params.
MATCH (p:Partner)
RETURN count(p) AS count
