// Replaces the capabilities the solution requires with those in $requires (ids of existing capabilities); returns {count}. Params: $id, $requires.
MATCH (s:Solution {id: $id})
OPTIONAL MATCH (s)-[old:REQUIRES]->(:Capability)
DELETE old
WITH DISTINCT s
OPTIONAL MATCH (cap:Capability) WHERE cap.id IN $requires
FOREACH (_ IN CASE WHEN cap IS NULL THEN [] ELSE [1] END | MERGE (s)-[:REQUIRES]->(cap))
RETURN count(cap) AS count
