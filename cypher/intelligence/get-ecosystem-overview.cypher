// Returns one row {nodes: [{id, kind, label, group, weight, distance: 0}], edges: [{source, target, kind}], truncated}: the whole-ecosystem map, every node of the $labels kinds that passes the filters, heaviest first then by id, at most $limit. Params: $labels, $partnerTypes, $regions, $industries (lists or null), $limit.
// CASE evaluates a subquery only when its kind is asked for, so unwanted labels are never scanned.
// The viewer's scope (empty lists for the vendor's users, who see everything): a PARTNER sees only the customers,
// accounts, deals and solutions the README's "Roles and grants" allows, and walks and counts only through them.
CALL () {
  OPTIONAL MATCH (v:Partner {id: $viewerPartnerId})
  WITH v,
       COLLECT { MATCH (v)-[a:HAS_ACCOUNT]->(:Customer) RETURN a
                 UNION MATCH (v)<-[:SHARES_WITH {level: 'FULL'}]-(:Partner)-[a:HAS_ACCOUNT]->(:Customer) RETURN a
                 UNION MATCH (v)<-[:SHARES_WITH {level: 'OVERLAPS'}]-(:Partner)-[a:HAS_ACCOUNT]->(:Customer)<-[:HAS_ACCOUNT]-(v) RETURN a } AS accounts,
       COLLECT { MATCH (v)-[:PARTICIPATES_IN]->(d:Deal) RETURN d } AS deals
  RETURN {accounts: accounts, deals: deals,
          customers: [a IN accounts | endNode(a)] + COLLECT { UNWIND deals AS d MATCH (d)-[:FOR_CUSTOMER]->(u:Customer) RETURN u },
          solutions: COLLECT { MATCH (v)-[:MEMBER_OF]->(s:Solution) RETURN s }} AS scope
}
UNWIND (CASE WHEN 'Partner' IN $labels THEN COLLECT { MATCH (n:Partner)
                                                 WHERE ($partnerTypes IS NULL OR any(t IN n.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
     + (CASE WHEN 'Capability' IN $labels THEN COLLECT { MATCH (n:Capability) RETURN n } ELSE [] END)
     + (CASE WHEN 'Customer' IN $labels THEN COLLECT { MATCH (n:Customer)
                                                 WHERE ($regions IS NULL OR n.region IN $regions) AND ($industries IS NULL OR n.industry IN $industries) RETURN n } ELSE [] END)
     + (CASE WHEN 'Solution' IN $labels THEN COLLECT { MATCH (n:Solution)
                                                 WHERE ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
     + (CASE WHEN 'Deal' IN $labels THEN COLLECT { MATCH (n:Deal) RETURN n } ELSE [] END) AS n
WITH scope, n, 0 AS distance
WHERE ($viewerPartnerId IS NULL OR NOT (n:Customer OR n:Deal OR n:Solution) OR n IN scope.customers OR n IN scope.deals OR n IN scope.solutions)
// A node's weight: its drawn relationships. For the vendor's users that is the node's whole degree (kept with the
// node, no walk) less the two relationship types the map never draws (SHARES_WITH between partners, HAS_EVENT from deals).
WITH scope, n, distance, CASE WHEN $viewerPartnerId IS NULL
       THEN COUNT { (n)--() } - CASE WHEN n:Partner THEN COUNT { (n)-[:SHARES_WITH]-() } WHEN n:Deal THEN COUNT { (n)-[:HAS_EVENT]-() } ELSE 0 END
       ELSE COUNT { (n)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAS_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-() WHERE ($viewerPartnerId IS NULL OR (($viewerPartnerId IS NULL OR NOT (startNode(r):Customer OR startNode(r):Deal OR startNode(r):Solution) OR startNode(r) IN scope.customers OR startNode(r) IN scope.deals OR startNode(r) IN scope.solutions) AND ($viewerPartnerId IS NULL OR NOT (endNode(r):Customer OR endNode(r):Deal OR endNode(r):Solution) OR endNode(r) IN scope.customers OR endNode(r) IN scope.deals OR endNode(r) IN scope.solutions) AND (type(r) <> 'HAS_ACCOUNT' OR r IN scope.accounts))) } END AS weight
// One more than $limit says whether the map is truncated (a top-k, not a sort of everything found).
ORDER BY distance, weight DESC, n.id
LIMIT $limit + 1
WITH scope, collect({node: n, distance: distance, weight: weight}) AS found
WITH scope, found[..$limit] AS picked, size(found) > $limit AS truncated
WITH scope, picked, truncated, [x IN picked | x.node] AS shown
// The edges among the kept nodes, each relationship walked from its light end: accounts from the customer and
// participations from the deal, never through a partner's thousands of accounts or deals. (Pattern comprehensions
// expand from the node already bound, whatever the planner's statistics.)
CALL (shown, scope) {
  CALL (shown, scope) {
    UNWIND shown AS a
    UNWIND [(a)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|NEEDS|REQUIRES|MEMBER_OF|FOR_CUSTOMER|FOR_SOLUTION]->(b) WHERE b IN shown AND ($viewerPartnerId IS NULL OR (($viewerPartnerId IS NULL OR NOT (startNode(r):Customer OR startNode(r):Deal OR startNode(r):Solution) OR startNode(r) IN scope.customers OR startNode(r) IN scope.deals OR startNode(r) IN scope.solutions) AND ($viewerPartnerId IS NULL OR NOT (endNode(r):Customer OR endNode(r):Deal OR endNode(r):Solution) OR endNode(r) IN scope.customers OR endNode(r) IN scope.deals OR endNode(r) IN scope.solutions) AND (type(r) <> 'HAS_ACCOUNT' OR r IN scope.accounts))) | {source: a.id, target: b.id, kind: type(r)}] AS edge
    RETURN edge
    UNION ALL
    UNWIND shown AS b
    UNWIND [(a)-[r:HAS_ACCOUNT|PARTICIPATES_IN]->(b) WHERE a IN shown AND ($viewerPartnerId IS NULL OR (($viewerPartnerId IS NULL OR NOT (startNode(r):Customer OR startNode(r):Deal OR startNode(r):Solution) OR startNode(r) IN scope.customers OR startNode(r) IN scope.deals OR startNode(r) IN scope.solutions) AND ($viewerPartnerId IS NULL OR NOT (endNode(r):Customer OR endNode(r):Deal OR endNode(r):Solution) OR endNode(r) IN scope.customers OR endNode(r) IN scope.deals OR endNode(r) IN scope.solutions) AND (type(r) <> 'HAS_ACCOUNT' OR r IN scope.accounts))) | {source: a.id, target: b.id, kind: type(r)}] AS edge
    RETURN edge
  }
  RETURN collect(edge) AS edges
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
