// Freezes a won deal's attribution (README, Attribution snapshots): the model, policy version, time and shares (partner ids with their minor units, by partner id), and records an ATTRIBUTION_FROZEN event with its actor; returns {id}. Params: $dealId, $model, $policyVersion, $partnerIds, $minors, $at, $actor.
MATCH (d:Deal {id: $dealId})
WITH d, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
SET d.attributionModel = $model, d.attributionPolicyVersion = $policyVersion, d.attributionAt = datetime($at),
    d.attributionPartnerIds = $partnerIds, d.attributionMinors = $minors, d.attributionRevised = false
CREATE (d)-[:HAS_EVENT]->(e:DealEvent {at: datetime($at), seq: events + 1, kind: 'ATTRIBUTION_FROZEN', to: $model, actor: $actor,
  note: 'Attribution frozen under ' + $model + ' (rules of engagement version ' + toString($policyVersion) + ')'})
RETURN d.id AS id
