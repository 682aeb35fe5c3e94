// Returns one row {nodes: [{id, kind, label, group, weight, distance}], edges: [{source, target, kind}], truncated}: $centerId (any kind) and the nodes within $depth (1-3) hops of it reached through nodes of the $labels kinds that pass the filters; nearest, then heaviest, then by id, at most $limit; empty when $centerId does not exist. Params: $centerId, $depth, $labels, $partnerTypes, $regions, $industries (lists or null), $limit.
// The viewer's scope (empty lists for the vendor's users, who see everything): a PARTNER sees only the customers,
// accounts, deals and solutions the README's "Roles and grants" allows, and walks and counts only through them.
{{scope/viewer-scope(scope)}}
CALL () {
  MATCH (c:Partner {id: $centerId}) RETURN c
  UNION
  MATCH (c:Capability {id: $centerId}) RETURN c
  UNION
  MATCH (c:Customer {id: $centerId}) RETURN c
  UNION
  MATCH (c:Solution {id: $centerId}) RETURN c
  UNION
  MATCH (c:Deal {id: $centerId}) RETURN c
}
WITH scope, c WHERE {{scope/in-viewer-scope(c, scope)}}
WITH scope, c AS centre LIMIT 1
// Breadth-first, one ring per hop: a ring is the nodes one hop from the previous ring, reached through a drawn
// relationship the viewer may see, of the $labels kinds and passing the filters, and not in a nearer ring (a hash
// aggregation keeps each node's least distance). The nodes are kept nearest first, so a farther ring is searched only
// while the nearer ones leave room under $limit: otherwise its nodes could not be kept, and `truncated` is already true.
// Pattern comprehensions expand from the ring's nodes, never from a scan, whatever the planner's statistics.
CALL (centre, scope) {
  UNWIND [(centre)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAS_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-(x)
          WHERE {{scope/relationship-in-viewer-scope(r, scope)}}
        AND any(l IN labels(x) WHERE l IN $labels)
        AND (NOT x:Partner OR (($partnerTypes IS NULL OR any(t IN x.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN x.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN x.industries WHERE i IN $industries))))
        AND (NOT x:Customer OR (($regions IS NULL OR x.region IN $regions) AND ($industries IS NULL OR x.industry IN $industries)))
        AND (NOT x:Solution OR (($regions IS NULL OR any(r IN x.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN x.industries WHERE i IN $industries)))) | x] AS n
  WITH DISTINCT n WHERE n <> centre
  RETURN collect(n) AS ring1
}
CALL (centre, scope, ring1) {
  WITH centre, scope, ring1 WHERE $depth >= 2 AND size(ring1) < $limit
  CALL (centre, scope, ring1) {
    UNWIND ring1 AS a
    UNWIND [(a)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAS_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-(x)
            WHERE {{scope/relationship-in-viewer-scope(r, scope)}}
        AND any(l IN labels(x) WHERE l IN $labels)
        AND (NOT x:Partner OR (($partnerTypes IS NULL OR any(t IN x.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN x.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN x.industries WHERE i IN $industries))))
        AND (NOT x:Customer OR (($regions IS NULL OR x.region IN $regions) AND ($industries IS NULL OR x.industry IN $industries)))
        AND (NOT x:Solution OR (($regions IS NULL OR any(r IN x.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN x.industries WHERE i IN $industries)))) | x] AS n
    RETURN n, 2 AS distance
    UNION ALL
    UNWIND [centre] + ring1 AS n
    RETURN n, 1 AS distance
  }
  WITH n, min(distance) AS distance WHERE distance = 2
  RETURN collect(n) AS ring2
}
CALL (centre, scope, ring1, ring2) {
  WITH centre, scope, ring1, ring2 WHERE $depth = 3 AND size(ring1) + size(ring2) < $limit
  CALL (centre, scope, ring1, ring2) {
    UNWIND ring2 AS a
    UNWIND [(a)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAS_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-(x)
            WHERE {{scope/relationship-in-viewer-scope(r, scope)}}
        AND any(l IN labels(x) WHERE l IN $labels)
        AND (NOT x:Partner OR (($partnerTypes IS NULL OR any(t IN x.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN x.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN x.industries WHERE i IN $industries))))
        AND (NOT x:Customer OR (($regions IS NULL OR x.region IN $regions) AND ($industries IS NULL OR x.industry IN $industries)))
        AND (NOT x:Solution OR (($regions IS NULL OR any(r IN x.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN x.industries WHERE i IN $industries)))) | x] AS n
    RETURN n, 3 AS distance
    UNION ALL
    UNWIND [centre] + ring1 + ring2 AS n
    RETURN n, 1 AS distance
  }
  WITH n, min(distance) AS distance WHERE distance = 3
  RETURN collect(n) AS ring3
}
UNWIND [{n: centre, distance: 0}] + [n IN ring1 | {n: n, distance: 1}] + [n IN ring2 | {n: n, distance: 2}] + [n IN ring3 | {n: n, distance: 3}] AS found
WITH scope, found.n AS n, found.distance AS distance
// A node's weight: its drawn relationships. For the vendor's users that is the node's whole degree (kept with the
// node, no walk) less the relationship types the map never draws (SHARES_WITH between partners, HAS_EVENT from deals, HAS_EXTERNAL_ID, DISTINCT_FROM between customers).
WITH scope, n, distance, CASE WHEN $viewerPartnerId IS NULL
       THEN COUNT { (n)--() } - COUNT { (n)-[:HAS_EXTERNAL_ID|HAD_ACCOUNT|HAD_CAPABILITY|HAD_INTEGRATION|HAD_SHARING|HAD_MEMBERSHIP]-() } - CASE WHEN n:Partner THEN COUNT { (n)-[:SHARES_WITH]-() } WHEN n:Deal THEN COUNT { (n)-[:HAS_EVENT]-() } WHEN n:Customer THEN COUNT { (n)-[:DISTINCT_FROM]-() } ELSE 0 END
       ELSE COUNT { (n)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAS_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-() WHERE {{scope/relationship-in-viewer-scope(r, scope)}} } END AS weight
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
    UNWIND [(a)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|NEEDS|REQUIRES|MEMBER_OF|FOR_CUSTOMER|FOR_SOLUTION]->(b) WHERE b IN shown AND {{scope/relationship-in-viewer-scope(r, scope)}} | {source: a.id, target: b.id, kind: type(r)}] AS edge
    RETURN edge
    UNION ALL
    UNWIND shown AS b
    UNWIND [(a)-[r:HAS_ACCOUNT|PARTICIPATES_IN]->(b) WHERE a IN shown AND {{scope/relationship-in-viewer-scope(r, scope)}} | {source: a.id, target: b.id, kind: type(r)}] AS edge
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
