// Returns {key: partner id, count} for each partner in $ids: the number of its capabilities that pass the filter (as get-partner-capabilities-page), counted without reading them. Params: $ids, $minRank (0 BASIC, 1 CERTIFIED, 2 EXPERT: the lowest level that counts, or null).
UNWIND $ids AS id
MATCH (p:Partner {id: id})
// Without a filter every relationship counts: its degree, kept with the node, instead of visiting each item.
RETURN id AS key, CASE WHEN $minRank IS NULL THEN COUNT { (p)-[:HAS_CAPABILITY]->() }
                       ELSE COUNT { MATCH (p)-[h:HAS_CAPABILITY]->(c:Capability) WHERE ($minRank IS NULL OR CASE h.level WHEN 'EXPERT' THEN 2 WHEN 'CERTIFIED' THEN 1 ELSE 0 END >= $minRank) } END AS count
