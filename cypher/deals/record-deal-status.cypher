// Sets a deal's registration status and records a STATUS_CHANGED event; returns {id}. Params: $dealId, $status, $at, $note (or null).
MATCH (d:Deal {id: $dealId})
WITH d, d.registrationStatus AS before, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
SET d.registrationStatus = $status
CREATE (d)-[:HAS_EVENT]->(e:DealEvent {at: datetime($at), seq: events + 1, kind: 'STATUS_CHANGED', to: $status})
SET e.from = before, e.note = $note
RETURN d.id AS id
