// Returns {key: deal id, items: [{at, kind, from, to, note}] oldest first} for each deal in $ids. Params: $ids.
UNWIND $ids AS id
MATCH (:Deal {id: id})-[:HAS_EVENT]->(e:DealEvent)
WITH id, e ORDER BY e.at, coalesce(e.seq, 0)
RETURN id AS key, collect(e {.at, .kind, .from, .to, .note}) AS items
