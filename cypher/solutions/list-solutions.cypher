// Returns {node} for one page of solutions ordered by id, matching the filter, that the viewer may see.
// Params: $after (id or null), $limit, $statuses (list or null), $region, $industry, $partnerId, $capabilityId, $nameContains, $namePrefix, $externalSystem and $externalValue (or null).
MATCH (s:Solution)
WHERE {{scope/solution-visible(s)}}
  AND s.id > coalesce($after, '')
  AND ($statuses IS NULL OR s.status IN $statuses)
  AND ($region IS NULL OR $region IN s.regions)
  AND ($industry IS NULL OR $industry IN s.industries)
  AND ($partnerId IS NULL OR EXISTS { (:Partner {id: $partnerId})-[:MEMBER_OF]->(s) })
  AND ($capabilityId IS NULL OR EXISTS { (s)-[:REQUIRES]->(:Capability {id: $capabilityId}) })
  AND ($nameContains IS NULL OR toLower(s.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(s.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (s)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Solution', system: $externalSystem, value: $externalValue}) })
RETURN s {.id, .name, .description, .status, .regions, .industries} AS node
ORDER BY s.id
LIMIT $limit
