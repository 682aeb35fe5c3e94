// Returns {deleted}: removes every Partner, Capability, Customer, Solution, Deal, Program, DealEvent, ExternalId and Enrolment with their relationships, committing every 10,000 nodes (auto-commit only: runAutoCommit). Each entity's deletion is recorded in the outbox in its batch's transaction (a DELETED change by $actor, without its fields; its relationships go with it and are not recorded one by one; README, "Events").
// Params: $actor.
MATCH (n)
WHERE n:Partner OR n:Capability OR n:Customer OR n:Solution OR n:Deal OR n:Program OR n:DealEvent OR n:ExternalId OR n:Enrolment
CALL (n) {
  CALL (n) {
    WITH n WHERE n:Partner OR n:Capability OR n:Customer OR n:Solution OR n:Deal OR n:Program
    MERGE (s:ChangeSequence {id: 'changes'})
      ON CREATE SET s.next = 1, s.purgedThrough = 0
    SET s.next = s.next + 1
    CREATE (:Change {sequence: s.next - 1, at: datetime.realtime(), kind: 'DELETED',
                     entityType: head([l IN labels(n) WHERE l IN ['Partner', 'Capability', 'Customer', 'Solution', 'Deal', 'Program']]),
                     entityId: n.id, fields: '{}', actor: $actor,
                     partnerIds: CASE WHEN n:Deal THEN [(p:Partner)-[:PARTICIPATES_IN]->(n) | p.id]
                                      WHEN n:Customer THEN [(p:Partner)-[:HAS_ACCOUNT]->(n) | p.id]
                                      WHEN n:Solution THEN [(p:Partner)-[:MEMBER_OF]->(n) | p.id]
                                      ELSE [] END})
  }
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS deleted
