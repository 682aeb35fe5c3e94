// Takes the registration lock on each customer of $customerIds (as deals/lock-customer-deals does, in the order given: callers sort them, so two registrations lock in the same order), and only then, once every lock is held (collect waits for all of them), returns what the rules of engagement read of their deals: {customerId, id, createdAt, stage, registrationStatus, resellerIds, participants [{partnerId, role}], direct, lastStageChangeAt} for every deal on them except $excludeDealId, as deals/get-customer-deals-for-rules returns it, by customer in the order of $customerIds, then in registration order (createdAt, then id). One statement for the locks and the read of a duplicate group. Params: $customerIds, $excludeDealId (or null).
UNWIND range(0, size($customerIds) - 1) AS i
MATCH (c:Customer {id: $customerIds[i]})
SET c._registrationLock = true
REMOVE c._registrationLock
WITH collect({i: i, c: c}) AS locked
UNWIND locked AS l
WITH l.i AS i, l.c AS c
MATCH (d:Deal)-[:FOR_CUSTOMER]->(c)
WHERE $excludeDealId IS NULL OR d.id <> $excludeDealId
RETURN c.id AS customerId, d.id AS id, d.createdAt AS createdAt, d.stage AS stage, d.registrationStatus AS registrationStatus,
       [(p:Partner)-[r:PARTICIPATES_IN {role: 'RESELLER'}]->(d) | p.id] AS resellerIds,
       [(p:Partner)-[r:PARTICIPATES_IN]->(d) | {partnerId: p.id, role: r.role}] AS participants,
       coalesce(d.direct, false) AS direct,
       reduce(m = null, at IN [(d)-[:HAS_EVENT]->(e:DealEvent {kind: 'STAGE_CHANGED'}) | e.at] | CASE WHEN m IS NULL OR at > m THEN at ELSE m END) AS lastStageChangeAt
ORDER BY i, createdAt, id
