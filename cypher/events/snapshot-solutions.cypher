// Returns {id, eid, props, externalIds, partnerIds, rels, ended}: for each of $ids (a pure read; the outbox locks the entities by eid, their elementId, before it trusts a snapshot), the Solution as snapshot-partners returns a partner: its members, requirements and the deals selling it; partnerIds: its members.
// Params: $ids.
UNWIND $ids AS id
OPTIONAL MATCH (n:Solution {id: id})
WITH id, n, [(p:Partner)-[:MEMBER_OF]->(n) | p.id] AS members
RETURN id, elementId(n) AS eid,
       CASE WHEN n IS NULL THEN null ELSE properties(n) END AS props,
       [(n)-[:HAS_EXTERNAL_ID]->(x:ExternalId) | x.system + ':' + x.value] AS externalIds,
       members AS partnerIds,
       [(p:Partner)-[r:MEMBER_OF]->(n) | {type: 'Membership', key: p.id + '|' + n.id, props: properties(r), partnerIds: members}]
       + [(n)-[r:REQUIRES]->(c:Capability) | {type: 'SolutionRequirement', key: n.id + '|' + c.id, props: properties(r), partnerIds: members}]
       + [(d:Deal)-[r:FOR_SOLUTION]->(n) | {type: 'DealSolution', key: d.id + '|' + n.id, props: properties(r), partnerIds: [(p:Partner)-[:PARTICIPATES_IN]->(d) | p.id]}]
       AS rels,
       [(p:Partner)-[:HAD_MEMBERSHIP]->(n) | 'Membership|' + p.id + '|' + n.id] AS ended
