// Returns {node} per deal in $ids the viewer may see: what the rules read of it and its recorded decision: {id, customerId, stage, createdAt, registrationStatus, direct, lastStageChangeAt, participants [{partnerId, role}], decisionRule, decisionPolicyVersion, decisionConflictsWith, decisionExplanation, decidedAt}. Params: $ids.
UNWIND $ids AS id
MATCH (d:Deal {id: id})
WHERE {{scope/deal-visible(d)}}
RETURN d {.id, .stage, .createdAt, .registrationStatus, .decisionRule, .decisionPolicyVersion, .decisionConflictsWith, .decisionExplanation, .decidedAt,
          customerId: head([(d)-[:FOR_CUSTOMER]->(fc:Customer) | fc.id]),
          direct: coalesce(d.direct, false),
          lastStageChangeAt: reduce(m = null, at IN [(d)-[:HAS_EVENT]->(e:DealEvent {kind: 'STAGE_CHANGED'}) | e.at] | CASE WHEN m IS NULL OR at > m THEN at ELSE m END),
          participants: [(p:Partner)-[r:PARTICIPATES_IN]->(d) | {partnerId: p.id, role: r.role}]} AS node
