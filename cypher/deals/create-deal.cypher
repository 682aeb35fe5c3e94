// Creates a deal with its customer, solution, participants and its REGISTERED event; returns {id}. Params: $id, $name, $customerId, $solutionId (or null), $stage, $amountMinor, $currency, $createdAt, $closedAt (or null), $registrationStatus, $direct, $participants [{partnerId, role, sourced}], $at, $note (or null), $decision {rule, policyVersion, conflictsWith, explanation} (README, Rules of engagement). A participation carries hubId = its partner's id and dealCreatedAt = the deal's createdAt (migration 010-hub-ids).
MATCH (c:Customer {id: $customerId})
OPTIONAL MATCH (s:Solution {id: $solutionId})
CREATE (d:Deal:Entity {id: $id, name: $name, stage: $stage, amountMinor: $amountMinor, currency: $currency,
                createdAt: datetime($createdAt), registrationStatus: $registrationStatus, direct: $direct,
                decisionRule: $decision.rule, decisionPolicyVersion: $decision.policyVersion,
                decisionConflictsWith: $decision.conflictsWith, decisionExplanation: $decision.explanation, decidedAt: datetime($at)})
SET d.closedAt = datetime($closedAt)
CREATE (d)-[:FOR_CUSTOMER]->(c)
FOREACH (solution IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (d)-[:FOR_SOLUTION]->(solution))
CREATE (d)-[:HAS_EVENT]->(e:DealEvent {at: datetime($at), seq: 1, kind: 'REGISTERED', to: $registrationStatus})
SET e.note = $note
WITH d
UNWIND $participants AS participant
MATCH (p:Partner {id: participant.partnerId})
CREATE (p)-[:PARTICIPATES_IN {role: participant.role, sourced: participant.sourced, registeredAt: d.createdAt, hubId: p.id, dealCreatedAt: d.createdAt}]->(d)
RETURN DISTINCT d.id AS id
