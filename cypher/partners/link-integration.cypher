// Records an integration between two partners (since = $now when new), stored once per pair from the smaller id to the larger; returns {node}: the partner $partnerId. Params: $partnerId, $otherPartnerId, $now.
MATCH (p:Partner {id: $partnerId}), (o:Partner {id: $otherPartnerId})
WITH p, CASE WHEN p.id < o.id THEN [p, o] ELSE [o, p] END AS pair
WITH p, pair[0] AS low, pair[1] AS high
MERGE (low)-[r:INTEGRATES_WITH]->(high)
ON CREATE SET r.since = datetime($now)
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
