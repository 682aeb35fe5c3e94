// Records the rule, policy version, conflicting deal ids, explanation and time of a deal's registration decision (its status is set by the caller's write); returns {id}. Params: $dealId, $rule, $policyVersion (or null), $conflictsWith, $explanation, $at.
MATCH (d:Deal {id: $dealId})
SET d.decisionRule = $rule, d.decisionPolicyVersion = $policyVersion, d.decisionConflictsWith = $conflictsWith,
    d.decisionExplanation = $explanation, d.decidedAt = datetime($at)
RETURN d.id AS id
