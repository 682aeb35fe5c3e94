// Returns {program, enrolments} per program, ordered by id: the program's stored definition (levels as their JSON text) and its enrolments [{partnerId, since, exclusiveRegions, exclusiveIndustries}] ordered by partner id, only those of partners that exist and, for a PARTNER viewer, only its own. Params: $ids (null: every program), $partnerType (null: every type).
MATCH (g:Program)
WHERE ($ids IS NULL OR g.id IN $ids) AND ($partnerType IS NULL OR g.partnerType = $partnerType)
RETURN g {.id, .name, .partnerType, .description, .reportingCurrency, .rateCurrencies, .rates, .exclusiveRegions, .exclusiveIndustries, .levels} AS program,
       COLLECT {
         MATCH (g)-[:ENROLS]->(e:Enrolment)
         WHERE {{scope/enrolment-visible(e)}} AND EXISTS { MATCH (:Partner {id: e.partnerId}) }
         RETURN e {.partnerId, .since, .exclusiveRegions, .exclusiveIndustries} ORDER BY e.partnerId
       } AS enrolments
ORDER BY g.id
