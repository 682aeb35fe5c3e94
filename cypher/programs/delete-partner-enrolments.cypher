// Ends every enrolment of the partner (its deletion); returns {deleted}. Params: $partnerId.
MATCH (e:Enrolment {partnerId: $partnerId})
DETACH DELETE e
RETURN count(e) AS deleted
