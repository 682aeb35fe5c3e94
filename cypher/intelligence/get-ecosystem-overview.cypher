// Returns one row {nodes: [{id, kind, label, group, weight, distance: 0}], edges: [{source, target, kind}], truncated}: the whole-ecosystem map, every node of the $labels kinds that passes the filters, heaviest first then by id, at most $limit. Params: $labels, $partnerTypes, $regions, $industries (lists or null), $limit.
// CASE evaluates a subquery only when its kind is asked for, so unwanted labels are never scanned.
// A PARTNER viewer's scope: it sees only the customers, accounts, deals and solutions the README's "Roles and grants"
// allows, and the map walks and counts only through them.
// Which nodes are drawn: every node of the $labels kinds that passes the filters (and, for a PARTNER viewer, is in its
// scope); the list is written twice below, once per kind of viewer, so that the nodes travel as rows.
// A node's weight: its drawn relationships. For the vendor's users that is the node's whole degree (kept with the
// node, no walk) less the relationship types the map never draws (SHARES_WITH between partners, HAS_EVENT from deals, HAS_EXTERNAL_ID, DISTINCT_FROM between customers).
// For a PARTNER viewer it counts only what the viewer may see: the relationships anyone may see (capabilities, the
// taxonomy, integrations) read from the node, and the others counted once from the viewer's scope (its visible
// accounts, its customers' needs, its solutions' requirements and members, its deals' participants, customers and
// solutions), joined to the drawn nodes by a hash aggregation rather than checked relationship by relationship.
CALL () {
  WITH 1 AS vendor WHERE $viewerPartnerId IS NULL
  UNWIND (CASE WHEN 'Partner' IN $labels THEN COLLECT { MATCH (n:Partner)
                                                   WHERE ($partnerTypes IS NULL OR any(t IN n.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
       + (CASE WHEN 'Capability' IN $labels THEN COLLECT { MATCH (n:Capability) RETURN n } ELSE [] END)
       + (CASE WHEN 'Customer' IN $labels THEN COLLECT { MATCH (n:Customer)
                                                   WHERE ($regions IS NULL OR n.region IN $regions) AND ($industries IS NULL OR n.industry IN $industries) RETURN n } ELSE [] END)
       + (CASE WHEN 'Solution' IN $labels THEN COLLECT { MATCH (n:Solution)
                                                   WHERE ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
       + (CASE WHEN 'Deal' IN $labels THEN COLLECT { MATCH (n:Deal) RETURN n } ELSE [] END) AS n
  RETURN n, COUNT { (n)--() } - COUNT { (n)-[:HAS_EXTERNAL_ID|HAD_ACCOUNT|HAD_CAPABILITY|HAD_INTEGRATION|HAD_SHARING|HAD_MEMBERSHIP]-() } - CASE WHEN n:Partner THEN COUNT { (n)-[:SHARES_WITH]-() } WHEN n:Deal THEN COUNT { (n)-[:HAS_EVENT]-() } WHEN n:Customer THEN COUNT { (n)-[:DISTINCT_FROM]-() } ELSE 0 END AS weight
  UNION ALL
  // A PARTNER viewer: its scope, computed here so that no row leaving this branch holds it.
  {{scope/viewer-scope(scope)}}
  WITH scope WHERE $viewerPartnerId IS NOT NULL
  CALL (scope) {
    UNWIND (CASE WHEN 'Partner' IN $labels THEN COLLECT { MATCH (n:Partner)
                                                     WHERE ($partnerTypes IS NULL OR any(t IN n.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
         + (CASE WHEN 'Capability' IN $labels THEN COLLECT { MATCH (n:Capability) RETURN n } ELSE [] END)
         + (CASE WHEN 'Customer' IN $labels THEN COLLECT { MATCH (n:Customer)
                                                     WHERE ($regions IS NULL OR n.region IN $regions) AND ($industries IS NULL OR n.industry IN $industries) RETURN n } ELSE [] END)
         + (CASE WHEN 'Solution' IN $labels THEN COLLECT { MATCH (n:Solution)
                                                     WHERE ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
         + (CASE WHEN 'Deal' IN $labels THEN COLLECT { MATCH (n:Deal) RETURN n } ELSE [] END) AS n
    WITH scope, n
    WHERE {{scope/in-viewer-scope(n, scope)}}
    RETURN n AS node, 0 AS drawn, 0 AS seen
    UNION ALL
    UNWIND scope.accounts AS a
    UNWIND [startNode(a), endNode(a)] AS node
    RETURN node, null AS drawn, 1 AS seen
    UNION ALL
    UNWIND scope.customers AS u
    WITH DISTINCT u
    UNWIND [(u)-[:NEEDS]->(c) | c] AS c
    UNWIND [u, c] AS node
    RETURN node, null AS drawn, 1 AS seen
    UNION ALL
    UNWIND scope.solutions AS s
    UNWIND [(s)-[:REQUIRES]->(c) | c] + [(p)-[:MEMBER_OF]->(s) | p] AS other
    UNWIND [s, other] AS node
    RETURN node, null AS drawn, 1 AS seen
    UNION ALL
    // A deal's customer is in the scope by construction; its solution only when the viewer is a member.
    UNWIND scope.deals AS d
    UNWIND [(p)-[:PARTICIPATES_IN]->(d) | p] + [(d)-[:FOR_CUSTOMER]->(u) | u] + [(d)-[:FOR_SOLUTION]->(s) WHERE s IN scope.solutions | s] AS other
    UNWIND [d, other] AS node
    RETURN node, null AS drawn, 1 AS seen
  }
  WITH node, max(drawn) AS drawn, sum(seen) AS seen
  WHERE drawn IS NOT NULL
  RETURN node AS n, COUNT { (node)-[:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH]-() } + seen AS weight
}
// The top $limit + 1 (one more says whether the map is truncated: a top-k, not a sort of everything found). Neo4j
// charges a row the ordering keeps for every value the row still holds: the rows reaching it hold no list (no list of
// the drawn nodes, and no PARTNER viewer's scope, which stays inside its branch above).
WITH n, 0 AS distance, weight
ORDER BY distance, weight DESC, n.id
LIMIT $limit + 1
WITH collect({node: n, distance: distance, weight: weight}) AS found
WITH found[..$limit] AS picked, size(found) > $limit AS truncated
WITH picked, truncated, [x IN picked | x.node] AS shown
// The edges among the kept nodes (all visible to the viewer, so only an account's own visibility is left to check),
// each relationship walked from its light end: accounts from the customer and participations from the deal, never
// through a partner's thousands of accounts or deals. (Pattern comprehensions expand from the node already bound,
// whatever the planner's statistics.)
CALL (shown) {
  CALL (shown) {
    UNWIND shown AS a
    UNWIND [(a)-[r:HAS_CAPABILITY|CHILD_OF|INTEGRATES_WITH|NEEDS|REQUIRES|MEMBER_OF|FOR_CUSTOMER|FOR_SOLUTION]->(b) WHERE b IN shown | {source: a.id, target: b.id, kind: type(r)}] AS edge
    RETURN edge
    UNION ALL
    // An account is drawn only when the viewer may see it (README, "Roles and grants"): its own, or the grantor's
    // under a FULL grant, or under an OVERLAPS grant on a customer the viewer has an account on.
    UNWIND shown AS b
    UNWIND [(a)-[r:HAS_ACCOUNT|PARTICIPATES_IN]->(b)
            WHERE a IN shown AND (type(r) <> 'HAS_ACCOUNT' OR {{scope/account-visible(a, b)}})
            | {source: a.id, target: b.id, kind: type(r)}] AS edge
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
