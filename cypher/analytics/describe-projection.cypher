// Returns {nodeCount, relationshipCount, sizeInBytes, memoryUsage} of the projection $graphName (none when it does not exist). Params: $graphName.
CALL gds.graph.list($graphName)
YIELD nodeCount, relationshipCount, sizeInBytes, memoryUsage
RETURN nodeCount, relationshipCount, sizeInBytes, memoryUsage
