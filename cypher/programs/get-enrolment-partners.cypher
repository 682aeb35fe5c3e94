// Returns {id, types} for each of $ids that is a partner: what enrolling it in a program checks. Params: $ids.
MATCH (p:Partner) WHERE p.id IN $ids
RETURN p.id AS id, p.types AS types
