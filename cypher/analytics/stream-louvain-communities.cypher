// Returns {node, community} for every node of the projection $graphName: Louvain on the weight w (one thread, so the same graph gives the same partition). Params: $graphName.
CALL gds.louvain.stream($graphName, {relationshipWeightProperty: 'w', concurrency: 1})
YIELD nodeId, communityId
RETURN nodeId AS node, communityId AS community
