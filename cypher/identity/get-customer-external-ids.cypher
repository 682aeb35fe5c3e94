// Returns {key: customer id, items: [{system, id}] sorted by system, then id} for each customer in $ids that has external ids. Params: $ids.
UNWIND $ids AS id
MATCH (:Customer {id: id})-[:HAS_EXTERNAL_ID]->(x:ExternalId)
WITH id, x ORDER BY x.system, x.value
RETURN id AS key, collect({system: x.system, id: x.value}) AS items
