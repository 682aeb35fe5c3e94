// Returns {count}: creates one INTEGRATES_WITH per pair, from the smaller id to the larger (a fresh load). Params: $rows [{fromId, toId}] with fromId < toId.
UNWIND $rows AS row
MATCH (a:Partner {id: row.fromId})
MATCH (b:Partner {id: row.toId})
CREATE (a)-[:INTEGRATES_WITH]->(b)
RETURN count(*) AS count
