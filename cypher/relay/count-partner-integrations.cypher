// Returns {key: partner id, count} for each partner in $ids: how many partners it integrates with, either direction, each once (as get-partner-integrations-page), counted without reading them. Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
CALL (p) { MATCH (p)-[:INTEGRATES_WITH]-(o:Partner) RETURN count(DISTINCT o) AS count }
RETURN id AS key, count
