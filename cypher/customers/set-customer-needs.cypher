// Replaces the capabilities the customer needs with those in $needs (ids of existing capabilities); returns {count} of needs. Params: $id, $needs.
MATCH (c:Customer {id: $id})
OPTIONAL MATCH (c)-[old:NEEDS]->(:Capability)
DELETE old
WITH DISTINCT c
OPTIONAL MATCH (cap:Capability) WHERE cap.id IN $needs
FOREACH (_ IN CASE WHEN cap IS NULL THEN [] ELSE [1] END | MERGE (c)-[:NEEDS]->(cap))
RETURN count(cap) AS count
