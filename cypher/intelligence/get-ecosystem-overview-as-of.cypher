// Returns one row {nodes, edges, truncated}: get-ecosystem-overview as of the instant $asOf: no deal created after then, weights and edges from the
// relationships that held then (an ended one drawn with its current kind), a deal's group its stage then (OPEN when it closed after $asOf), and
// the viewer's scope then (README, "Time"). Params: $labels, $partnerTypes, $regions, $industries (lists or null), $limit, $asOf.
// A node's weight as of $asOf, for the vendor's users: its weight now (get-ecosystem-overview: the degree kept with the node less the types
// never drawn, no walk), less the current relationships that had not begun at $asOf and the relationships to deals created after it, plus
// the ended (HAD_*) ones that held at $asOf.
// Those corrections are found from the other side, through the validity indexes of migration 007 (since on the current types, until on
// the HAD_* ones) and the deals' createdAt index, and joined to the drawn nodes by a hash aggregation: only the relationships that changed
// after $asOf are read, never every relationship of every drawn node. (Only the five validity types carry since/until: an ended one is
// HAD_* with its until, a current one has none; the other drawn types always hold, and only they touch deals. Each type joins fixed kinds,
// HAS_ACCOUNT a partner to a customer and so on, so only the ends of a drawn kind are counted, without reading a label.)
// For a PARTNER viewer each drawn node's weight is counted relationship by relationship against its scope as of $asOf.
{{scope/viewer-scope-at(scope, $asOf)}}
CALL (scope) {
  WITH 1 AS vendor WHERE $viewerPartnerId IS NULL
  CALL () {
    UNWIND (CASE WHEN 'Partner' IN $labels THEN COLLECT { MATCH (n:Partner)
                                                     WHERE ($partnerTypes IS NULL OR any(t IN n.types WHERE t IN $partnerTypes)) AND ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
         + (CASE WHEN 'Capability' IN $labels THEN COLLECT { MATCH (n:Capability) RETURN n } ELSE [] END)
         + (CASE WHEN 'Customer' IN $labels THEN COLLECT { MATCH (n:Customer)
                                                     WHERE ($regions IS NULL OR n.region IN $regions) AND ($industries IS NULL OR n.industry IN $industries) RETURN n } ELSE [] END)
         + (CASE WHEN 'Solution' IN $labels THEN COLLECT { MATCH (n:Solution)
                                                     WHERE ($regions IS NULL OR any(r IN n.regions WHERE r IN $regions)) AND ($industries IS NULL OR any(i IN n.industries WHERE i IN $industries)) RETURN n } ELSE [] END)
         + (CASE WHEN 'Deal' IN $labels THEN COLLECT { MATCH (n:Deal) WHERE {{time/deal-created-by(n, $asOf)}} RETURN n } ELSE [] END) AS n
    RETURN n AS node, 0 AS drawn,
           COUNT { (n)--() } - COUNT { (n)-[:HAS_EXTERNAL_ID|HAD_ACCOUNT|HAD_CAPABILITY|HAD_INTEGRATION|HAD_SHARING|HAD_MEMBERSHIP]-() } - CASE WHEN n:Partner THEN COUNT { (n)-[:SHARES_WITH]-() } WHEN n:Deal THEN COUNT { (n)-[:HAS_EVENT]-() } WHEN n:Customer THEN COUNT { (n)-[:DISTINCT_FROM]-() } ELSE 0 END AS weight
    UNION ALL
    // Current relationships that began after $asOf (a missing since means "always before"): -1 to each end of a drawn kind.
    WITH 1 AS any WHERE 'Partner' IN $labels OR 'Customer' IN $labels
    MATCH ()-[r:HAS_ACCOUNT]->() WHERE r.since > $asOf
    UNWIND CASE WHEN 'Partner' IN $labels THEN [startNode(r)] ELSE [] END + CASE WHEN 'Customer' IN $labels THEN [endNode(r)] ELSE [] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, -changed AS weight
    UNION ALL
    WITH 1 AS any WHERE 'Partner' IN $labels OR 'Capability' IN $labels
    MATCH ()-[r:HAS_CAPABILITY]->() WHERE r.since > $asOf
    UNWIND CASE WHEN 'Partner' IN $labels THEN [startNode(r)] ELSE [] END + CASE WHEN 'Capability' IN $labels THEN [endNode(r)] ELSE [] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, -changed AS weight
    UNION ALL
    WITH 1 AS any WHERE 'Partner' IN $labels
    MATCH ()-[r:INTEGRATES_WITH]->() WHERE r.since > $asOf
    UNWIND CASE WHEN startNode(r) = endNode(r) THEN [startNode(r)] ELSE [startNode(r), endNode(r)] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, -changed AS weight
    UNION ALL
    WITH 1 AS any WHERE 'Partner' IN $labels OR 'Solution' IN $labels
    MATCH ()-[r:MEMBER_OF]->() WHERE r.since > $asOf
    UNWIND CASE WHEN 'Partner' IN $labels THEN [startNode(r)] ELSE [] END + CASE WHEN 'Solution' IN $labels THEN [endNode(r)] ELSE [] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, -changed AS weight
    UNION ALL
    // Ended relationships that held at $asOf (they ended after it): +1 to each end of a drawn kind.
    WITH 1 AS any WHERE 'Partner' IN $labels OR 'Customer' IN $labels
    MATCH ()-[r:HAD_ACCOUNT]->() WHERE r.until > $asOf AND (r.since IS NULL OR r.since <= $asOf)
    UNWIND CASE WHEN 'Partner' IN $labels THEN [startNode(r)] ELSE [] END + CASE WHEN 'Customer' IN $labels THEN [endNode(r)] ELSE [] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, changed AS weight
    UNION ALL
    WITH 1 AS any WHERE 'Partner' IN $labels OR 'Capability' IN $labels
    MATCH ()-[r:HAD_CAPABILITY]->() WHERE r.until > $asOf AND (r.since IS NULL OR r.since <= $asOf)
    UNWIND CASE WHEN 'Partner' IN $labels THEN [startNode(r)] ELSE [] END + CASE WHEN 'Capability' IN $labels THEN [endNode(r)] ELSE [] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, changed AS weight
    UNION ALL
    WITH 1 AS any WHERE 'Partner' IN $labels
    MATCH ()-[r:HAD_INTEGRATION]->() WHERE r.until > $asOf AND (r.since IS NULL OR r.since <= $asOf)
    UNWIND CASE WHEN startNode(r) = endNode(r) THEN [startNode(r)] ELSE [startNode(r), endNode(r)] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, changed AS weight
    UNION ALL
    WITH 1 AS any WHERE 'Partner' IN $labels OR 'Solution' IN $labels
    MATCH ()-[r:HAD_MEMBERSHIP]->() WHERE r.until > $asOf AND (r.since IS NULL OR r.since <= $asOf)
    UNWIND CASE WHEN 'Partner' IN $labels THEN [startNode(r)] ELSE [] END + CASE WHEN 'Solution' IN $labels THEN [endNode(r)] ELSE [] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, changed AS weight
    UNION ALL
    // The relationships of the deals created after $asOf, from the deal (which is not drawn): -1 to each other end of a drawn kind.
    WITH 1 AS any WHERE 'Partner' IN $labels OR 'Customer' IN $labels OR 'Solution' IN $labels
    MATCH (d:Deal) WHERE d.createdAt > $asOf
    UNWIND CASE WHEN 'Partner' IN $labels THEN [(p)-[:PARTICIPATES_IN]->(d) | p] ELSE [] END
           + CASE WHEN 'Customer' IN $labels THEN [(d)-[:FOR_CUSTOMER]->(u) | u] ELSE [] END
           + CASE WHEN 'Solution' IN $labels THEN [(d)-[:FOR_SOLUTION]->(s) | s] ELSE [] END AS node
    WITH node, count(*) AS changed
    RETURN node, null AS drawn, -changed AS weight
  }
  WITH node, max(drawn) AS drawn, sum(weight) AS weight
  WHERE drawn IS NOT NULL
  RETURN node AS n, weight
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
