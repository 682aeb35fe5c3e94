// Takes the write lock on the solution and returns {count, dealIds} of the deals selling it (dealIds: the first 10 by id; count 0 when there is no such solution). Params: $id.
OPTIONAL MATCH (s:Solution {id: $id})
SET s._deleteLock = true
REMOVE s._deleteLock
WITH s
OPTIONAL MATCH (d:Deal)-[:FOR_SOLUTION]->(s)
WITH d ORDER BY d.id
RETURN count(d) AS count, collect(d.id)[..10] AS dealIds
