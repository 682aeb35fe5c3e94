// Returns {count}: one INTEGRATES_WITH per pair, from the smaller id to the larger. Params: $rows [{fromId, toId}] with fromId < toId.
UNWIND $rows AS row
MATCH (a:Partner {id: row.fromId})
MATCH (b:Partner {id: row.toId})
MERGE (a)-[:INTEGRATES_WITH]->(b)
RETURN count(*) AS count
