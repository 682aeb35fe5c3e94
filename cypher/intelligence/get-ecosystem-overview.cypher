// Returns one row {nodes: [{id, kind, label, group, weight, distance: 0}], edges: [{source, target, kind}], truncated}: the whole-ecosystem map, every node of the $labels kinds that passes the filters, heaviest first then by id, at most $limit. Params: $labels, $partnerTypes, $regions, $industries (lists or null), $limit.
// CASE evaluates a subquery only when its kind is asked for, so unwanted labels are never scanned.
UNWIND (CASE WHEN 'Partner' IN $labels THEN COLLECT { MATCH (n:Partner)
                                                 WHERE ($partnerTypes IS NULL OR any(t IN n.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
     + (CASE WHEN 'Capability' IN $labels THEN COLLECT { MATCH (n:Capability) RETURN n } ELSE [] END)
     + (CASE WHEN 'Customer' IN $labels THEN COLLECT { MATCH (n:Customer)
                                                 WHERE ($regions IS NULL OR n.region IN $regions) AND ($industries IS NULL OR n.industry IN $industries) RETURN n } ELSE [] END)
     + (CASE WHEN 'Solution' IN $labels THEN COLLECT { MATCH (n:Solution)
                                                 WHERE ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
     + (CASE WHEN 'Deal' IN $labels THEN COLLECT { MATCH (n:Deal) RETURN n } ELSE [] END) AS n
WITH n, 0 AS distance
WITH n, distance, COUNT { (n)-[:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAS_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-() } AS weight
ORDER BY distance, weight DESC, n.id
WITH collect({node: n, distance: distance, weight: weight}) AS found
WITH found[..$limit] AS picked, size(found) > $limit AS truncated
WITH picked, truncated, [x IN picked | x.node] AS shown
CALL (shown) {
  UNWIND shown AS a
  MATCH (a)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAS_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]->(b)
  WHERE b IN shown
  RETURN collect({source: a.id, target: b.id, kind: type(r)}) AS edges
}
RETURN [x IN picked | {
          id: x.node.id,
          kind: CASE WHEN x.node:Partner THEN 'PARTNER' WHEN x.node:Capability THEN 'CAPABILITY' WHEN x.node:Customer THEN 'CUSTOMER'
                     WHEN x.node:Solution THEN 'SOLUTION' ELSE 'DEAL' END,
          label: coalesce(x.node.name, x.node.id),
          group: CASE WHEN x.node:Partner THEN head(x.node.types) WHEN x.node:Capability THEN x.node.category
                      WHEN x.node:Customer THEN x.node.industry WHEN x.node:Solution THEN x.node.status ELSE x.node.stage END,
          weight: x.weight,
          distance: x.distance
        }] AS nodes,
       edges, truncated
