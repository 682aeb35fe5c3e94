// Returns {key: deal id, items: [{at, kind, from, to, actor, note}] oldest first} for each deal in $ids; for a PARTNER viewer
// the rules' conflict notes do not name the other deals (it may not see them). Params: $ids.
UNWIND $ids AS id
MATCH (:Deal {id: id})-[:HAS_EVENT]->(e:DealEvent)
WITH id, e ORDER BY e.at, coalesce(e.seq, 0)
RETURN id AS key, collect(e {.at, .kind, .from, .to, .actor,
  note: CASE WHEN $viewerPartnerId IS NOT NULL AND e.note STARTS WITH 'Rules of engagement: conflicts with '
             THEN 'Rules of engagement: conflicts with an earlier registration' ELSE e.note END}) AS items
