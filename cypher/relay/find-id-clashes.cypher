// Returns {id, kinds} for each id that more than one entity has (of different kinds, or, without the per-kind constraints, the same), at most $limit, ordered by id: what blocks migration 008-global-ids. Params: $limit.
CALL () {
  MATCH (n:Partner) RETURN n.id AS id, 'Partner' AS kind
  UNION ALL MATCH (n:Capability) RETURN n.id AS id, 'Capability' AS kind
  UNION ALL MATCH (n:Customer) RETURN n.id AS id, 'Customer' AS kind
  UNION ALL MATCH (n:Solution) RETURN n.id AS id, 'Solution' AS kind
  UNION ALL MATCH (n:Deal) RETURN n.id AS id, 'Deal' AS kind
}
WITH id, collect(kind) AS kinds
WHERE size(kinds) > 1
RETURN id, kinds
ORDER BY id
LIMIT $limit
