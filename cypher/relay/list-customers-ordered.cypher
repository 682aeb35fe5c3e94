// Returns {node, sortKey} for one keyset page of customers matching the filter that the viewer may see (as customers/list-customers), ordered by (sortKey, id) ascending or, with $descending, descending (README, "Connections, filters and orders"). Params: $orderField (ID, NAME, ACCOUNT_COUNT), $descending, $afterKey and $afterId (the cursor's position, or null), $limit, and the filter params: $industry, $region, $segment, $nameContains, $namePrefix, $externalSystem and $externalValue (or null).
MATCH (c:Customer)
WHERE {{scope/customer-visible(c)}}
  AND ($industry IS NULL OR c.industry = $industry)
  AND ($region IS NULL OR c.region = $region)
  AND ($segment IS NULL OR c.segment = $segment)
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (c)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Customer', system: $externalSystem, value: $externalValue}) })
WITH c, CASE $orderField
          WHEN 'NAME' THEN c.name
          WHEN 'ACCOUNT_COUNT' THEN COUNT { MATCH (p:Partner)-[:HAS_ACCOUNT]->(c) WHERE {{scope/account-visible(p, c)}} }
          ELSE c.id
        END AS sortKey
WHERE $afterId IS NULL
   OR (NOT $descending AND (sortKey > $afterKey OR (sortKey = $afterKey AND c.id > $afterId)))
   OR ($descending AND (sortKey < $afterKey OR (sortKey = $afterKey AND c.id < $afterId)))
RETURN c {.id, .name, .industry, .region, .segment, .domain} AS node, sortKey
ORDER BY CASE WHEN $descending THEN null ELSE sortKey END ASC, CASE WHEN $descending THEN sortKey END DESC,
         CASE WHEN $descending THEN null ELSE c.id END ASC, CASE WHEN $descending THEN c.id END DESC
LIMIT $limit
