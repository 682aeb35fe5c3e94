// Returns {count} of customers matching the filter, that the viewer may see. Params: as list-customers without $after and $limit.
MATCH (c:Customer)
WHERE {{scope/customer-visible(c)}}
  AND ($industry IS NULL OR c.industry = $industry)
  AND ($region IS NULL OR c.region = $region)
  AND ($segment IS NULL OR c.segment = $segment)
  AND ($nameContains IS NULL OR toLower(c.name) CONTAINS toLower($nameContains))
RETURN count(c) AS count
