// Returns {graphName, nodeCount, relationshipCount}: projects the partner network into GDS's in-memory catalog as $graphName,
// nodes 0..$nodeCount-1 (isolated ones included), each edge once and undirected with property w. Params: $graphName, $nodeCount, $edges: [{a, b, w}].
CALL () {
  UNWIND range(0, $nodeCount - 1) AS node
  RETURN node AS source, null AS target, null AS w
  UNION ALL
  UNWIND $edges AS e
  RETURN e.a AS source, e.b AS target, e.w AS w
}
WITH gds.graph.project($graphName, source, target,
       CASE WHEN target IS NULL THEN {} ELSE {relationshipProperties: {w: w}} END,
       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graphName, g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount
