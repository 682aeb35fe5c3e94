// Enrols the partner in the program, or sets its enrolment's since and territory; returns {partnerId}. Params: $programId, $partnerId, $since, $exclusiveRegions, $exclusiveIndustries.
MATCH (g:Program {id: $programId})
MERGE (g)-[:ENROLS]->(e:Enrolment {programId: $programId, partnerId: $partnerId})
SET e.since = datetime($since), e.exclusiveRegions = $exclusiveRegions, e.exclusiveIndustries = $exclusiveIndustries
RETURN e.partnerId AS partnerId
