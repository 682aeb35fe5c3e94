// Resolves a deal's open attribution dispute: KEPT, or REVISED with new shares (partner ids and minor units, by partner id) replacing the frozen ones; records an ATTRIBUTION_RESOLVED event (from: the shares before, to: the status) with its actor; returns {id}. Params: $dealId, $status, $partnerIds (or null to keep), $minors (or null), $note, $at, $actor.
MATCH (d:Deal {id: $dealId})
WITH d, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events,
     reduce(text = '', i IN range(0, size(d.attributionPartnerIds) - 1) | text + CASE WHEN i = 0 THEN '' ELSE ', ' END + d.attributionPartnerIds[i] + ' ' + toString(d.attributionMinors[i])) AS before
SET d.disputeStatus = $status, d.disputeNote = $note, d.disputeResolvedBy = $actor, d.disputeResolvedAt = datetime($at),
    d.attributionPartnerIds = coalesce($partnerIds, d.attributionPartnerIds), d.attributionMinors = coalesce($minors, d.attributionMinors),
    d.attributionRevised = d.attributionRevised OR $partnerIds IS NOT NULL
CREATE (d)-[:HAS_EVENT]->(:DealEvent {at: datetime($at), seq: events + 1, kind: 'ATTRIBUTION_RESOLVED', from: before, to: $status, note: $note, actor: $actor})
RETURN d.id AS id
