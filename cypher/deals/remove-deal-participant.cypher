// Removes a participant from a deal and records a PARTICIPANT_REMOVED event; returns {id} (no row when the partner did not take part). Params: $dealId, $partnerId, $at, $note (or null).
MATCH (:Partner {id: $partnerId})-[r:PARTICIPATES_IN]->(d:Deal {id: $dealId})
WITH d, r, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
DELETE r
CREATE (d)-[:HAS_EVENT]->(e:DealEvent {at: datetime($at), seq: events + 1, kind: 'PARTICIPANT_REMOVED', from: $partnerId})
SET e.note = $note
RETURN d.id AS id
