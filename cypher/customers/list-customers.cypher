// Returns {node} for one page of customers ordered by id, matching the filter, that the viewer may see.
// Params: $after (id or null), $limit, $industry, $region, $segment, $nameContains (or null).
MATCH (c:Customer)
WHERE ($viewerPartnerId IS NULL
       OR EXISTS { (:Partner {id: $viewerPartnerId})-[:HAS_ACCOUNT]->(c) }
       OR EXISTS { (:Partner {id: $viewerPartnerId})<-[:SHARES_WITH {level: 'FULL'}]-(:Partner)-[:HAS_ACCOUNT]->(c) }
       OR EXISTS { (:Partner {id: $viewerPartnerId})-[:PARTICIPATES_IN]->(:Deal)-[:FOR_CUSTOMER]->(c) })
  AND ($after IS NULL OR c.id > $after)
  AND ($industry IS NULL OR c.industry = $industry)
  AND ($region IS NULL OR c.region = $region)
  AND ($segment IS NULL OR c.segment = $segment)
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
RETURN c {.id, .name, .industry, .region, .segment, .domain} AS node
ORDER BY c.id
LIMIT $limit
