// Returns {node, community} for every node of the projection $graphName: Leiden on the weight w, resolution (gamma) 1, fixed seed and one thread, so the same graph gives the same partition. Params: $graphName.
CALL gds.leiden.stream($graphName, {relationshipWeightProperty: 'w', gamma: 1.0, randomSeed: 17, concurrency: 1})
YIELD nodeId, communityId
RETURN nodeId AS node, communityId AS community
