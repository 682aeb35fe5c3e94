// Creates the partner or, when the id exists, sets it to exactly these values; returns {node}. Params: $id, $name, $searchName, $types, $tier, $lifecycleStage, $regions, $industries, $website (or null).
MERGE (p:Partner {id: $id})
SET p.name = $name, p.searchName = $searchName, p.types = $types, p.tier = $tier, p.lifecycleStage = $lifecycleStage,
    p.regions = $regions, p.industries = $industries, p.website = $website
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
