// Creates the partner or, when the id exists, sets it to exactly these values; its stage and tier histories start with (value, $now) on create and get (value, $now) appended when the value changes (README "Time"); returns {node}. Params: $id, $name, $searchName, $types, $tier, $lifecycleStage, $regions, $industries, $website (or null), $now.
MERGE (p:Partner {id: $id})
WITH p, p.lifecycleStage AS oldStage, p.tier AS oldTier, datetime($now) AS now
SET p.name = $name, p.searchName = $searchName, p.types = $types, p.tier = $tier, p.lifecycleStage = $lifecycleStage,
    p.regions = $regions, p.industries = $industries, p.website = $website
FOREACH (_ IN CASE WHEN oldStage IS NULL OR oldStage <> $lifecycleStage THEN [1] ELSE [] END |
  SET p.stageHistoryStages = coalesce(p.stageHistoryStages, []) + $lifecycleStage, p.stageHistoryAt = coalesce(p.stageHistoryAt, []) + now)
FOREACH (_ IN CASE WHEN oldTier IS NULL OR oldTier <> $tier THEN [1] ELSE [] END |
  SET p.tierHistoryTiers = coalesce(p.tierHistoryTiers, []) + $tier, p.tierHistoryAt = coalesce(p.tierHistoryAt, []) + now)
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
