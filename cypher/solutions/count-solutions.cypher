// Returns {count} of solutions matching the filter, that the viewer may see. Params: as list-solutions without $after and $limit.
MATCH (s:Solution)
WHERE {{scope/solution-visible(s)}}
  AND ($statuses IS NULL OR s.status IN $statuses)
  AND ($region IS NULL OR $region IN s.regions)
  AND ($industry IS NULL OR $industry IN s.industries)
  AND ($partnerId IS NULL OR EXISTS { (:Partner {id: $partnerId})-[:MEMBER_OF]->(s) })
  AND ($capabilityId IS NULL OR EXISTS { (s)-[:REQUIRES]->(:Capability {id: $capabilityId}) })
  AND ($nameContains IS NULL OR toLower(s.name) CONTAINS toLower($nameContains))
  AND ($namePrefix IS NULL OR toLower(s.name) STARTS WITH toLower($namePrefix))
  AND ($externalSystem IS NULL OR EXISTS { (s)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Solution', system: $externalSystem, value: $externalValue}) })
RETURN count(s) AS count
