// Returns {count} of customers matching the filter, that the viewer may see. Params: as list-customers without $after and $limit.
MATCH (c:Customer)
WHERE {{scope/customer-visible(c)}}
  AND ($industry IS NULL OR c.industry = $industry)
  AND ($region IS NULL OR c.region = $region)
  AND ($segment IS NULL OR c.segment = $segment)
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(c.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (c)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Customer', system: $externalSystem, value: $externalValue}) })
RETURN count(c) AS count
