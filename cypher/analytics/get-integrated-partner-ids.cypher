// Returns {exists, integratedIds}: whether partner $partnerId exists and the ids of the partners it integrates with (any stage). Params: $partnerId.
OPTIONAL MATCH (p:Partner {id: $partnerId})
RETURN p IS NOT NULL AS exists, [(p)-[:INTEGRATES_WITH]-(q:Partner) | q.id] AS integratedIds
