// Returns {id, eid, props, externalIds, partnerIds, rels, ended}: for each of $ids (a pure read; the outbox locks the entities by eid, their elementId, before it trusts a snapshot), the Capability as snapshot-partners returns a partner: its holders, the customers needing it, the solutions requiring it, its parent and children. A capability is public: partnerIds is empty.
// Params: $ids.
UNWIND $ids AS id
OPTIONAL MATCH (n:Capability {id: id})
RETURN id, elementId(n) AS eid,
       CASE WHEN n IS NULL THEN null ELSE properties(n) END AS props,
       [(n)-[:HAS_EXTERNAL_ID]->(x:ExternalId) | x.system + ':' + x.value] AS externalIds,
       [] AS partnerIds,
       [(p:Partner)-[r:HAS_CAPABILITY]->(n) | {type: 'PartnerCapability', key: p.id + '|' + n.id, props: properties(r), partnerIds: [p.id]}]
       + [(c:Customer)-[r:NEEDS]->(n) | {type: 'CustomerNeed', key: c.id + '|' + n.id, props: properties(r), partnerIds: [(p:Partner)-[:HAS_ACCOUNT]->(c) | p.id]}]
       + [(s:Solution)-[r:REQUIRES]->(n) | {type: 'SolutionRequirement', key: s.id + '|' + n.id, props: properties(r), partnerIds: [(p:Partner)-[:MEMBER_OF]->(s) | p.id]}]
       + [(n)-[r:CHILD_OF]->(o:Capability) | {type: 'CapabilityParent', key: n.id + '|' + o.id, props: properties(r), partnerIds: []}]
       + [(o:Capability)-[r:CHILD_OF]->(n) | {type: 'CapabilityParent', key: o.id + '|' + n.id, props: properties(r), partnerIds: []}]
       AS rels,
       [(p:Partner)-[:HAD_CAPABILITY]->(n) | 'PartnerCapability|' + p.id + '|' + n.id] AS ended
