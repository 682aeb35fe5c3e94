// Returns {kind, node, score} for the best matches of a Lucene query over the searchNames (see src/search/search-name.ts) of partners, capabilities, customers and solutions, best first; customers and solutions only when the viewer may see them.
// Params: $query (an escaped Lucene query), $limit.
// A PARTNER viewer's hits are filtered after the index, so it asks the index for more of them.
CALL db.index.fulltext.queryNodes('entity_search_names', $query, {limit: CASE WHEN $viewerPartnerId IS NULL THEN $limit ELSE $limit * 10 END}) YIELD node AS n, score
WHERE (NOT n:Customer OR {{scope/customer-visible(n)}})
  AND (NOT n:Solution OR {{scope/solution-visible(n)}})
WITH n, score,
     CASE WHEN n:Partner THEN 'Partner' WHEN n:Capability THEN 'Capability' WHEN n:Customer THEN 'Customer' ELSE 'Solution' END AS kind
RETURN kind,
       CASE kind
         WHEN 'Partner' THEN n {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website}
         WHEN 'Capability' THEN n {.id, .name, .category, .description, parentId: head([(n)-[:CHILD_OF]->(up:Capability) | up.id])}
         WHEN 'Customer' THEN n {.id, .name, .industry, .region, .segment, .domain}
         ELSE n {.id, .name, .description, .status, .regions, .industries}
       END AS node,
       score
ORDER BY score DESC, n.id
LIMIT $limit
