// Returns {id, eid, props, externalIds, partnerIds, rels, ended}: for each of $ids (a pure read; the outbox locks the entities by eid, their elementId, before it trusts a snapshot), the Deal as snapshot-partners returns a partner: its participations and its customer and solution links (its DealEvents are its history, not tracked); partnerIds: its participants.
// Params: $ids.
UNWIND $ids AS id
OPTIONAL MATCH (n:Deal {id: id})
WITH id, n, [(p:Partner)-[:PARTICIPATES_IN]->(n) | p.id] AS participants
RETURN id, elementId(n) AS eid,
       CASE WHEN n IS NULL THEN null ELSE properties(n) END AS props,
       [(n)-[:HAS_EXTERNAL_ID]->(x:ExternalId) | x.system + ':' + x.value] AS externalIds,
       participants AS partnerIds,
       [(p:Partner)-[r:PARTICIPATES_IN]->(n) | {type: 'Participation', key: p.id + '|' + n.id, props: properties(r), partnerIds: participants}]
       + [(n)-[r:FOR_CUSTOMER]->(c:Customer) | {type: 'DealCustomer', key: n.id + '|' + c.id, props: properties(r), partnerIds: participants}]
       + [(n)-[r:FOR_SOLUTION]->(s:Solution) | {type: 'DealSolution', key: n.id + '|' + s.id, props: properties(r), partnerIds: participants}]
       AS rels,
       [] AS ended
