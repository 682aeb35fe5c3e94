// Returns {deleted}: removes every program whose id is not in $ids, with its enrolments; import --replace's step for the programs (README, "Programs and tiers"). Params: $ids.
MATCH (g:Program) WHERE NOT g.id IN $ids
OPTIONAL MATCH (g)-[:ENROLS]->(e:Enrolment)
DETACH DELETE e, g
RETURN count(DISTINCT g) AS deleted
