// Returns {id, eid, props, externalIds, partnerIds, rels, ended}: for each of $ids (a pure read; the outbox locks the entities by eid before it trusts a snapshot), the Program's stored properties (null when there is none) and its enrolments as relationships ({type: 'Enrolment', key: partnerId|programId, props, partnerIds: [the partner]}); programs have no external ids and no ended relationships; partnerIds: empty (programs are public).
// Params: $ids.
UNWIND $ids AS id
OPTIONAL MATCH (n:Program {id: id})
RETURN id, elementId(n) AS eid,
       CASE WHEN n IS NULL THEN null ELSE properties(n) END AS props,
       [] AS externalIds,
       [] AS partnerIds,
       [(n)-[:ENROLS]->(e:Enrolment) | {type: 'Enrolment', key: e.partnerId + '|' + n.id, props: properties(e), partnerIds: [e.partnerId]}] AS rels,
       [] AS ended
