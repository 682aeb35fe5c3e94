// Returns {node, score} for every node of the projection $graphName: betweenness from $samplingSize source nodes chosen with $samplingSeed (GDS's dependencies summed over the sampled sources, not scaled). Params: $graphName, $samplingSize, $samplingSeed.
CALL gds.betweenness.stream($graphName, {samplingSize: $samplingSize, samplingSeed: $samplingSeed})
YIELD nodeId, score
RETURN nodeId AS node, score
