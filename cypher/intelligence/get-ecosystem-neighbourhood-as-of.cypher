// Returns one row {nodes, edges, truncated}: get-ecosystem-neighbourhood as of the instant $asOf: only the relationships that held then (an ended
// one drawn with its current kind), no deal created after then, a deal's group its stage then (OPEN when it closed after $asOf), and the viewer's
// scope then (README, "Time"). Params: $centerId, $depth, $labels, $partnerTypes, $regions, $industries (lists or null), $limit, $asOf.
// The viewer's scope (empty lists for the vendor's users, who see everything): a PARTNER sees only the customers,
// accounts, deals and solutions the README's "Roles and grants" allows, and walks and counts only through them.
{{scope/viewer-scope-at(scope, $asOf)}}
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
WITH scope, c WHERE {{scope/in-viewer-scope(c, scope)}} AND (NOT c:Deal OR {{time/deal-created-by(c, $asOf)}})
WITH scope, c AS centre LIMIT 1
// Breadth-first, one ring per hop: a ring is the nodes one hop from the previous ring, reached through a drawn
// relationship the viewer may see, of the $labels kinds and passing the filters, and not in a nearer ring (a hash
// aggregation keeps each node's least distance). The nodes are kept nearest first, so a farther ring is searched only
// while the nearer ones leave room under $limit: otherwise its nodes could not be kept, and `truncated` is already true.
// Pattern comprehensions expand from the ring's nodes, never from a scan, whatever the planner's statistics.
CALL (centre, scope) {
  UNWIND [(centre)-[r:HAS_CAPABILITY|HAD_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAD_INTEGRATION|HAS_ACCOUNT|HAD_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|HAD_MEMBERSHIP|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-(x)
          WHERE {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}}
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
    UNWIND [(a)-[r:HAS_CAPABILITY|HAD_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAD_INTEGRATION|HAS_ACCOUNT|HAD_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|HAD_MEMBERSHIP|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-(x)
            WHERE {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}}
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
    UNWIND [(a)-[r:HAS_CAPABILITY|HAD_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAD_INTEGRATION|HAS_ACCOUNT|HAD_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|HAD_MEMBERSHIP|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-(x)
            WHERE {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}}
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
// A node's weight: its drawn relationships that held then (and that the viewer may see). For a PARTNER viewer they are counted
// relationship by relationship. For the vendor's users: time/map-weight-at, which counts what changed after $asOf over the hubId
// indexes of migration 010-hub-ids. Only for the nodes that can be kept: every node first gets a bound read from its degrees alone,
// the weight now plus all its HAD_* relationships (never below its weight as of $asOf), the nodes are ranked by it, and the exact
// weights of the first $limit + 1 + ($limit + 1) / 4 pick the top $limit + 1. That top is the answer when the next node in the ranking
// could not enter it (farther, or a bound below the last kept weight); otherwise the nodes that could still enter are weighed too.
WITH scope, n, distance,
     CASE WHEN $viewerPartnerId IS NULL
          THEN COUNT { (n)--() } - COUNT { (n)-[:HAS_EXTERNAL_ID|HAD_SHARING]-() } - CASE WHEN n:Partner THEN COUNT { (n)-[:SHARES_WITH]-() } WHEN n:Deal THEN COUNT { (n)-[:HAS_EVENT]-() } WHEN n:Customer THEN COUNT { (n)-[:DISTINCT_FROM]-() } ELSE 0 END
          ELSE COUNT { (n)-[r:HAS_CAPABILITY|HAD_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAD_INTEGRATION|HAS_ACCOUNT|HAD_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|HAD_MEMBERSHIP|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-() WHERE {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}} } END AS bound
ORDER BY distance, bound DESC, n.id
// The ranking as three parallel lists (a list of maps this long would be counted in full against the transaction's memory
// for every row a sort below holds).
WITH scope, collect(n) AS rankedNodes, collect(distance) AS rankedDistances, collect(bound) AS rankedBounds
WITH scope, rankedNodes, rankedDistances, rankedBounds,
     CASE WHEN $viewerPartnerId IS NULL THEN $limit + 1 + ($limit + 1) / 4 ELSE size(rankedNodes) END AS prefix
CALL (rankedNodes, rankedDistances, rankedBounds, prefix) {
  UNWIND range(0, size(rankedNodes[..prefix]) - 1) AS i
  WITH rankedNodes[i] AS n, rankedDistances[i] AS distance, rankedBounds[i] AS bound
  WITH n, distance, CASE WHEN $viewerPartnerId IS NULL
                         THEN {{time/map-weight-at(n, bound, $asOf)}}
                         ELSE bound END AS weight
  ORDER BY distance, weight DESC, n.id
  LIMIT $limit + 1
  RETURN collect({node: n, distance: distance, weight: weight}) AS top
}
WITH scope, rankedNodes, rankedDistances, rankedBounds, prefix, top, last(top) AS kth
// The final last kept node ranks no lower than kth, so a node that is farther than kth, or as near with a bound below kth's
// weight, cannot be kept: when the next node in the ranking is one, the top stands; otherwise only the nodes that could
// still enter are weighed.
CALL (rankedNodes, rankedDistances, rankedBounds, prefix, top, kth) {
  WITH top WHERE prefix >= size(rankedNodes) OR rankedDistances[prefix] > kth.distance
                 OR (rankedDistances[prefix] = kth.distance AND rankedBounds[prefix] < kth.weight)
  RETURN top AS found
  UNION ALL
  WITH rankedNodes, rankedDistances, rankedBounds, kth
  WHERE NOT (prefix >= size(rankedNodes) OR rankedDistances[prefix] > kth.distance
             OR (rankedDistances[prefix] = kth.distance AND rankedBounds[prefix] < kth.weight))
  UNWIND range(0, size(rankedNodes) - 1) AS i
  WITH rankedNodes[i] AS n, rankedDistances[i] AS distance, rankedBounds[i] AS bound, kth
  WHERE distance < kth.distance OR (distance = kth.distance AND bound >= kth.weight)
  WITH n, distance, {{time/map-weight-at(n, bound, $asOf)}} AS weight
  ORDER BY distance, weight DESC, n.id
  LIMIT $limit + 1
  RETURN collect({node: n, distance: distance, weight: weight}) AS found
}
// (Every deal found was created by $asOf, so time/deal-open-at reduces to a close after $asOf.)
WITH scope, [x IN found | x {.*, stage: CASE WHEN x.node:Deal AND x.node.stage IN ['CLOSED_WON', 'CLOSED_LOST'] AND x.node.closedAt > $asOf THEN 'OPEN' ELSE x.node.stage END}] AS found
WITH scope, found[..$limit] AS picked, size(found) > $limit AS truncated
WITH scope, picked, truncated, [x IN picked | x.node] AS shown
// The edges among the kept nodes, each relationship walked from its light end: accounts from the customer and
// participations from the deal, never through a partner's thousands of accounts or deals. (Pattern comprehensions
// expand from the node already bound, whatever the planner's statistics.)
CALL (shown, scope) {
  CALL (shown, scope) {
    UNWIND shown AS a
    UNWIND [(a)-[r:HAS_CAPABILITY|HAD_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAD_INTEGRATION|NEEDS|REQUIRES|MEMBER_OF|HAD_MEMBERSHIP|FOR_CUSTOMER|FOR_SOLUTION]->(b) WHERE b IN shown AND {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}} | {source: a.id, target: b.id, kind: {{time/kind-held(r)}}}] AS edge
    RETURN edge
    UNION ALL
    UNWIND shown AS b
    UNWIND [(a)-[r:HAS_ACCOUNT|HAD_ACCOUNT|PARTICIPATES_IN]->(b) WHERE a IN shown AND {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}} | {source: a.id, target: b.id, kind: {{time/kind-held(r)}}}] AS edge
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
                      WHEN x.node:Customer THEN x.node.industry WHEN x.node:Solution THEN x.node.status ELSE x.stage END,
          weight: x.weight,
          distance: x.distance
        }] AS nodes,
       edges, truncated
