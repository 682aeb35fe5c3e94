// Returns {lifecycleStage} of the partner (no row when there is no such partner): whether a PARTNER token for it is still honoured. Params: $partnerId.
MATCH (p:Partner {id: $partnerId})
RETURN p.lifecycleStage AS lifecycleStage
