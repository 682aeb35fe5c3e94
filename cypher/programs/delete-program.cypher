// Deletes the program and its enrolments; returns {deletedId}, no row when there is no such program. Params: $id.
MATCH (g:Program {id: $id})
OPTIONAL MATCH (g)-[:ENROLS]->(e:Enrolment)
DETACH DELETE e, g
RETURN DISTINCT $id AS deletedId
