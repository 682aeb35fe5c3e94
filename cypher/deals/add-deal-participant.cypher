// Adds a participant to a deal and records a PARTICIPANT_ADDED event; returns {id}. The participation carries hubId = the partner's id and dealCreatedAt = the deal's createdAt (migration 010-hub-ids). Params: $dealId, $partnerId, $role, $sourced, $at, $note (or null).
MATCH (d:Deal {id: $dealId})
MATCH (p:Partner {id: $partnerId})
WITH d, p, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
CREATE (p)-[:PARTICIPATES_IN {role: $role, sourced: $sourced, registeredAt: datetime($at), hubId: p.id, dealCreatedAt: d.createdAt}]->(d)
CREATE (d)-[:HAS_EVENT]->(e:DealEvent {at: datetime($at), seq: events + 1, kind: 'PARTICIPANT_ADDED', to: $partnerId})
SET e.note = $note
RETURN d.id AS id
