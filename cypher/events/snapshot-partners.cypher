// Returns {id, eid, props, externalIds, partnerIds, rels, ended}: for each of $ids (a pure read; the outbox locks the entities by eid, their elementId, before it trusts a snapshot), the Partner's stored properties (null when there is none), its external ids, and every relationship of it the outbox tracks ({type, key, props, partnerIds}); ended: the keys of its ended (HAD_*) relationships, one entry each. The outbox diffs this before and after a write (src/events/outbox.ts).
// Params: $ids.
UNWIND $ids AS id
OPTIONAL MATCH (n:Partner {id: id})
RETURN id, elementId(n) AS eid,
       CASE WHEN n IS NULL THEN null ELSE properties(n) END AS props,
       [(n)-[:HAS_EXTERNAL_ID]->(x:ExternalId) | x.system + ':' + x.value] AS externalIds,
       CASE WHEN n IS NULL THEN [] ELSE [n.id] END AS partnerIds,
       [(n)-[r:HAS_ACCOUNT]->(c:Customer) | {type: 'Account', key: n.id + '|' + c.id, props: properties(r), partnerIds: [n.id]}]
       + [(n)-[r:HAS_CAPABILITY]->(c:Capability) | {type: 'PartnerCapability', key: n.id + '|' + c.id, props: properties(r), partnerIds: [n.id]}]
       + [(n)-[r:INTEGRATES_WITH]-(o:Partner) | {type: 'Integration', key: CASE WHEN n.id < o.id THEN n.id + '|' + o.id ELSE o.id + '|' + n.id END, props: properties(r), partnerIds: [n.id, o.id]}]
       + [(n)-[r:SHARES_WITH]->(o:Partner) | {type: 'SharingGrant', key: n.id + '|' + o.id, props: properties(r), partnerIds: [n.id, o.id]}]
       + [(n)<-[r:SHARES_WITH]-(o:Partner) | {type: 'SharingGrant', key: o.id + '|' + n.id, props: properties(r), partnerIds: [o.id, n.id]}]
       + [(n)-[r:MEMBER_OF]->(s:Solution) | {type: 'Membership', key: n.id + '|' + s.id, props: properties(r), partnerIds: [(m:Partner)-[:MEMBER_OF]->(s) | m.id]}]
       + [(n)-[r:PARTICIPATES_IN]->(d:Deal) | {type: 'Participation', key: n.id + '|' + d.id, props: properties(r), partnerIds: [(m:Partner)-[:PARTICIPATES_IN]->(d) | m.id]}]
       AS rels,
       [(n)-[:HAD_ACCOUNT]->(c:Customer) | 'Account|' + n.id + '|' + c.id]
       + [(n)-[:HAD_CAPABILITY]->(c:Capability) | 'PartnerCapability|' + n.id + '|' + c.id]
       + [(n)-[:HAD_INTEGRATION]-(o:Partner) | 'Integration|' + CASE WHEN n.id < o.id THEN n.id + '|' + o.id ELSE o.id + '|' + n.id END]
       + [(n)-[:HAD_SHARING]->(o:Partner) | 'SharingGrant|' + n.id + '|' + o.id]
       + [(n)<-[:HAD_SHARING]-(o:Partner) | 'SharingGrant|' + o.id + '|' + n.id]
       + [(n)-[:HAD_MEMBERSHIP]->(s:Solution) | 'Membership|' + n.id + '|' + s.id]
       AS ended
