// Returns one row {nodes, edges, truncated}: get-ecosystem-overview as of the instant $asOf: no deal created after then, weights and edges from the
// relationships that held then (an ended one drawn with its current kind), a deal's group its stage then (OPEN when it closed after $asOf), and
// the viewer's scope then (README, "Time"). Params: $labels, $partnerTypes, $regions, $industries (lists or null), $limit, $asOf.
// A node's weight as of $asOf, for the vendor's users: time/map-weight-at, from its weight now plus all its HAD_* relationships (degrees kept
// with the node), less what did not hold at $asOf, counted over the composite indexes of migration 010-hub-ids where the node is the busy end;
// only for the nodes that can be kept (below).
// For a PARTNER viewer each drawn node's weight is counted relationship by relationship against its scope as of $asOf.
{{scope/viewer-scope-at(scope, $asOf)}}
CALL (scope) {
  WITH 1 AS vendor WHERE $viewerPartnerId IS NULL
  // Every drawn node's bound, its weight now plus all its HAD_* relationships (from the count store, never below its weight as of $asOf).
  // The first $limit + 1 + ($limit + 1) / 4 by bound are weighed exactly (time/map-weight-at); their top $limit + 1 stands when the next
  // node's bound is below the last kept weight (it could not enter; nor could any after it).
  CALL () {
    UNWIND (CASE WHEN 'Partner' IN $labels THEN COLLECT { MATCH (n:Partner)
                                                     WHERE ($partnerTypes IS NULL OR any(t IN n.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
         + (CASE WHEN 'Capability' IN $labels THEN COLLECT { MATCH (n:Capability) RETURN n } ELSE [] END)
         + (CASE WHEN 'Customer' IN $labels THEN COLLECT { MATCH (n:Customer)
                                                     WHERE ($regions IS NULL OR n.region IN $regions) AND ($industries IS NULL OR n.industry IN $industries) RETURN n } ELSE [] END)
         + (CASE WHEN 'Solution' IN $labels THEN COLLECT { MATCH (n:Solution)
                                                     WHERE ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
         + (CASE WHEN 'Deal' IN $labels THEN COLLECT { MATCH (n:Deal) WHERE {{time/deal-created-by(n, $asOf)}} RETURN n } ELSE [] END) AS n
    WITH n, COUNT { (n)--() } - COUNT { (n)-[:HAS_EXTERNAL_ID|HAD_SHARING]-() } - CASE WHEN n:Partner THEN COUNT { (n)-[:SHARES_WITH]-() } WHEN n:Deal THEN COUNT { (n)-[:HAS_EVENT]-() } WHEN n:Customer THEN COUNT { (n)-[:DISTINCT_FROM]-() } ELSE 0 END AS bound
    ORDER BY bound DESC, n.id
    LIMIT $limit + 2 + ($limit + 1) / 4
    RETURN collect(n) AS rankedNodes, collect(bound) AS rankedBounds
  }
  WITH rankedNodes, rankedBounds, $limit + 1 + ($limit + 1) / 4 AS prefix
  CALL (rankedNodes, rankedBounds, prefix) {
    UNWIND range(0, size(rankedNodes[..prefix]) - 1) AS i
    WITH rankedNodes[i] AS n, rankedBounds[i] AS bound
    WITH n, {{time/map-weight-at(n, bound, $asOf)}} AS weight
    ORDER BY weight DESC, n.id
    LIMIT $limit + 1
    RETURN collect({node: n, weight: weight}) AS top
  }
  WITH rankedNodes, rankedBounds, prefix, top, last(top) AS kth
  CALL (rankedNodes, rankedBounds, prefix, top, kth) {
    WITH top WHERE prefix >= size(rankedNodes) OR rankedBounds[prefix] < kth.weight
    UNWIND top AS x
    RETURN x.node AS n, x.weight AS weight
    UNION ALL
    // Otherwise every drawn node whose bound reaches the last kept weight (the final one is no lower) is weighed exactly.
    WITH kth WHERE NOT (prefix >= size(rankedNodes) OR rankedBounds[prefix] < kth.weight)
    UNWIND (CASE WHEN 'Partner' IN $labels THEN COLLECT { MATCH (n:Partner)
                                                     WHERE ($partnerTypes IS NULL OR any(t IN n.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
         + (CASE WHEN 'Capability' IN $labels THEN COLLECT { MATCH (n:Capability) RETURN n } ELSE [] END)
         + (CASE WHEN 'Customer' IN $labels THEN COLLECT { MATCH (n:Customer)
                                                     WHERE ($regions IS NULL OR n.region IN $regions) AND ($industries IS NULL OR n.industry IN $industries) RETURN n } ELSE [] END)
         + (CASE WHEN 'Solution' IN $labels THEN COLLECT { MATCH (n:Solution)
                                                     WHERE ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
         + (CASE WHEN 'Deal' IN $labels THEN COLLECT { MATCH (n:Deal) WHERE {{time/deal-created-by(n, $asOf)}} RETURN n } ELSE [] END) AS n
    WITH n, kth, COUNT { (n)--() } - COUNT { (n)-[:HAS_EXTERNAL_ID|HAD_SHARING]-() } - CASE WHEN n:Partner THEN COUNT { (n)-[:SHARES_WITH]-() } WHEN n:Deal THEN COUNT { (n)-[:HAS_EVENT]-() } WHEN n:Customer THEN COUNT { (n)-[:DISTINCT_FROM]-() } ELSE 0 END AS bound
    WHERE bound >= kth.weight
    RETURN n, {{time/map-weight-at(n, bound, $asOf)}} AS weight
  }
  RETURN n, weight
  UNION ALL
  WITH scope WHERE $viewerPartnerId IS NOT NULL
  UNWIND (CASE WHEN 'Partner' IN $labels THEN COLLECT { MATCH (n:Partner)
                                                   WHERE ($partnerTypes IS NULL OR any(t IN n.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
       + (CASE WHEN 'Capability' IN $labels THEN COLLECT { MATCH (n:Capability) RETURN n } ELSE [] END)
       + (CASE WHEN 'Customer' IN $labels THEN COLLECT { MATCH (n:Customer)
                                                   WHERE ($regions IS NULL OR n.region IN $regions) AND ($industries IS NULL OR n.industry IN $industries) RETURN n } ELSE [] END)
       + (CASE WHEN 'Solution' IN $labels THEN COLLECT { MATCH (n:Solution)
                                                   WHERE ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
       + (CASE WHEN 'Deal' IN $labels THEN COLLECT { MATCH (n:Deal) WHERE {{time/deal-created-by(n, $asOf)}} RETURN n } ELSE [] END) AS n
  WITH scope, n
  WHERE {{scope/in-viewer-scope(n, scope)}}
  RETURN n, COUNT { (n)-[r:HAS_CAPABILITY|HAD_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAD_INTEGRATION|HAS_ACCOUNT|HAD_ACCOUNT|NEEDS|REQUIRES|MEMBER_OF|HAD_MEMBERSHIP|PARTICIPATES_IN|FOR_CUSTOMER|FOR_SOLUTION]-()
                    WHERE {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}} } AS weight
}
WITH scope, n, 0 AS distance, weight
ORDER BY distance, weight DESC, n.id
LIMIT $limit + 1
WITH scope, n, distance, weight,
     CASE WHEN n:Deal AND {{time/deal-open-at(n, $asOf)}} AND n.stage IN ['CLOSED_WON', 'CLOSED_LOST'] THEN 'OPEN' ELSE n.stage END AS stage
WITH scope, collect({node: n, distance: distance, weight: weight, stage: stage}) AS found
WITH scope, found[..$limit] AS picked, size(found) > $limit AS truncated
WITH scope, picked, truncated, [x IN picked | x.node] AS shown
// The edges among the kept nodes, each relationship walked from its light end (accounts from the customer, participations from the deal).
CALL (shown, scope) {
  CALL (shown, scope) {
    UNWIND shown AS a
    UNWIND [(a)-[r:HAS_CAPABILITY|HAD_CAPABILITY|CHILD_OF|INTEGRATES_WITH|HAD_INTEGRATION|NEEDS|REQUIRES|MEMBER_OF|HAD_MEMBERSHIP|FOR_CUSTOMER|FOR_SOLUTION]->(b)
            WHERE b IN shown AND {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}} | {source: a.id, target: b.id, kind: {{time/kind-held(r)}}}] AS edge
    RETURN edge
    UNION ALL
    UNWIND shown AS b
    UNWIND [(a)-[r:HAS_ACCOUNT|HAD_ACCOUNT|PARTICIPATES_IN]->(b)
            WHERE a IN shown AND {{time/drawn-at(r, $asOf)}} AND {{scope/relationship-in-viewer-scope(r, scope)}} | {source: a.id, target: b.id, kind: {{time/kind-held(r)}}}] AS edge
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
