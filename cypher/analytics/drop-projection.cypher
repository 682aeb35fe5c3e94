// Returns {graphName} of the projection $graphName after removing it from GDS's catalog (no row when it did not exist). Params: $graphName.
CALL gds.graph.drop($graphName, false)
YIELD graphName
RETURN graphName
