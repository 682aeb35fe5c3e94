// Deletes the deal with its events; returns {deletedId} (no row when there was no such deal). Params: $id.
MATCH (d:Deal {id: $id})
OPTIONAL MATCH (d)-[:HAS_EVENT]->(e:DealEvent)
DETACH DELETE e
WITH DISTINCT d
DETACH DELETE d
RETURN $id AS deletedId
