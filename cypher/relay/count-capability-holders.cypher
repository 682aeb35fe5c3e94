// Returns {key: capability id, count} for each capability in $ids: the number of the partners holding it that pass the filter (as get-capability-holders-page), counted without reading them. Params: $ids, $minRank (0 BASIC, 1 CERTIFIED, 2 EXPERT: the lowest level that counts, or null).
UNWIND $ids AS id
MATCH (k:Capability {id: id})
// Without a filter every relationship counts: its degree, kept with the node, instead of visiting each item.
RETURN id AS key, CASE WHEN $minRank IS NULL THEN COUNT { (k)<-[:HAS_CAPABILITY]-() }
                       ELSE COUNT { MATCH (p:Partner)-[h:HAS_CAPABILITY]->(k) WHERE ($minRank IS NULL OR CASE h.level WHEN 'EXPERT' THEN 2 WHEN 'CERTIFIED' THEN 1 ELSE 0 END >= $minRank) } END AS count
