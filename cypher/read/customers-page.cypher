// customers-page($after, $limit): Query.customers, one page of the customers the viewer may see in id order after $after (or from the start) that match the filter ($industry, $region, $segment, $nameContains, $namePrefix, $externalSystem with $externalValue, each null for no condition); binds c. As customers/list-customers.
MATCH (c:Customer)
WHERE {{scope/customer-visible(c)}}
  AND c.id > coalesce($after, '')
  AND ($industry IS NULL OR c.industry = $industry)
  AND ($region IS NULL OR c.region = $region)
  AND ($segment IS NULL OR c.segment = $segment)
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (c)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Customer', system: $externalSystem, value: $externalValue}) })
