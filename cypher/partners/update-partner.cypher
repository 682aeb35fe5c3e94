// Sets the given properties of a partner (a null value removes one); a changed lifecycleStage or tier appends (value, $now) to its history (README "Time"); returns {node}, no row when there is no such partner. Params: $id, $changes (a map), $now.
MATCH (p:Partner {id: $id})
WITH p, p.lifecycleStage AS oldStage, p.tier AS oldTier, datetime($now) AS now
SET p += $changes
FOREACH (_ IN CASE WHEN p.lifecycleStage <> oldStage THEN [1] ELSE [] END |
  SET p.stageHistoryStages = coalesce(p.stageHistoryStages, []) + p.lifecycleStage, p.stageHistoryAt = coalesce(p.stageHistoryAt, []) + now)
FOREACH (_ IN CASE WHEN p.tier <> oldTier THEN [1] ELSE [] END |
  SET p.tierHistoryTiers = coalesce(p.tierHistoryTiers, []) + p.tier, p.tierHistoryAt = coalesce(p.tierHistoryAt, []) + now)
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS node
