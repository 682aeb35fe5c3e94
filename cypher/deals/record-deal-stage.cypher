// Sets a deal's stage and closedAt and records a STAGE_CHANGED event; returns {id}. Params: $dealId, $stage, $closedAt (or null), $at, $note (or null).
MATCH (d:Deal {id: $dealId})
WITH d, d.stage AS before, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
SET d.stage = $stage, d.closedAt = datetime($closedAt)
CREATE (d)-[:HAS_EVENT]->(e:DealEvent {at: datetime($at), seq: events + 1, kind: 'STAGE_CHANGED', from: before, to: $stage})
SET e.note = $note
RETURN d.id AS id
