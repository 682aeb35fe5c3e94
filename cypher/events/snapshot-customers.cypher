// Returns {id, eid, props, externalIds, partnerIds, rels, ended}: for each of $ids (a pure read; the outbox locks the entities by eid, their elementId, before it trusts a snapshot), the Customer as snapshot-partners returns a partner: its accounts, needs and deals' links to it, and (in extra, a field) the customers marked distinct from it; partnerIds: the partners with an account on it or on one of its deals.
// Params: $ids.
UNWIND $ids AS id
OPTIONAL MATCH (n:Customer {id: id})
RETURN id, elementId(n) AS eid,
       CASE WHEN n IS NULL THEN null ELSE properties(n) END AS props,
       [(n)-[:HAS_EXTERNAL_ID]->(x:ExternalId) | x.system + ':' + x.value] AS externalIds,
       [(p:Partner)-[:HAS_ACCOUNT]->(n) | p.id] + [(p:Partner)-[:PARTICIPATES_IN]->(:Deal)-[:FOR_CUSTOMER]->(n) | p.id] AS partnerIds,
       [(p:Partner)-[r:HAS_ACCOUNT]->(n) | {type: 'Account', key: p.id + '|' + n.id, props: properties(r), partnerIds: [p.id]}]
       + [(n)-[r:NEEDS]->(c:Capability) | {type: 'CustomerNeed', key: n.id + '|' + c.id, props: properties(r), partnerIds: [(p:Partner)-[:HAS_ACCOUNT]->(n) | p.id]}]
       + [(d:Deal)-[r:FOR_CUSTOMER]->(n) | {type: 'DealCustomer', key: d.id + '|' + n.id, props: properties(r), partnerIds: [(p:Partner)-[:PARTICIPATES_IN]->(d) | p.id]}]
       AS rels,
       [(p:Partner)-[:HAD_ACCOUNT]->(n) | 'Account|' + p.id + '|' + n.id] AS ended,
       {distinctFrom: [(n)-[:DISTINCT_FROM]-(o:Customer) | o.id]} AS extra
