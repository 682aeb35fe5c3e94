// Returns {programId} for each program the partner is enrolled in: what deleting the partner ends (README, "Programs and tiers"). Params: $partnerId.
MATCH (g:Program)-[:ENROLS]->(:Enrolment {partnerId: $partnerId})
RETURN g.id AS programId
ORDER BY programId
