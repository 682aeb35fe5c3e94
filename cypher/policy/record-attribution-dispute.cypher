// Opens a dispute of a deal's frozen attribution and records an ATTRIBUTION_DISPUTED event with its actor; returns {id}. Params: $dealId, $reason, $partnerId (who disputes), $at, $actor.
MATCH (d:Deal {id: $dealId})
WITH d, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
SET d.disputeStatus = 'OPEN', d.disputeReason = $reason, d.disputeRaisedBy = $partnerId, d.disputeRaisedAt = datetime($at)
REMOVE d.disputeNote, d.disputeResolvedBy, d.disputeResolvedAt
CREATE (d)-[:HAS_EVENT]->(:DealEvent {at: datetime($at), seq: events + 1, kind: 'ATTRIBUTION_DISPUTED', to: 'OPEN', note: $reason, actor: $actor})
RETURN d.id AS id
