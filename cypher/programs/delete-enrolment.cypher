// Ends the partner's enrolment in the program; returns {partnerId}, no row when it was not enrolled. Params: $programId, $partnerId.
MATCH (:Program {id: $programId})-[:ENROLS]->(e:Enrolment {partnerId: $partnerId})
DETACH DELETE e
RETURN $partnerId AS partnerId
