// Removes the domain of the customers in $ids (import: the document gives their domains to other customers); returns {count}. Params: $ids.
MATCH (u:Customer) WHERE u.id IN $ids
REMOVE u.domain
RETURN count(*) AS count
