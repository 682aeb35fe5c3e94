// Returns {node} for one page of customers ordered by id, matching the filter, that the viewer may see.
// Params: $after (id or null), $limit, $industry, $region, $segment, $nameContains, $namePrefix, $externalSystem and $externalValue (or null).
MATCH (c:Customer)
WHERE {{scope/customer-visible(c)}}
  AND c.id > coalesce($after, '')
  AND ($industry IS NULL OR c.industry = $industry)
  AND ($region IS NULL OR c.region = $region)
  AND ($segment IS NULL OR c.segment = $segment)
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (c)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Customer', system: $externalSystem, value: $externalValue}) })
RETURN c {.id, .name, .industry, .region, .segment, .domain} AS node
ORDER BY c.id
LIMIT $limit
