// Returns {node, score} for every node of the projection $graphName: exact betweenness centrality, unweighted (every source node, no sampling). Params: $graphName.
CALL gds.betweenness.stream($graphName)
YIELD nodeId, score
RETURN nodeId AS node, score
