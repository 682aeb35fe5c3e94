// Returns {node: {id, stageHistory: [{stage, at}], tierHistory: [{tier, at}]}} for each partner in $ids: its lifecycle stage and tier histories, sorted by at (README "Time"; empty lists when it has none). Params: $ids.
UNWIND $ids AS id
MATCH (p:Partner {id: id})
RETURN {id: p.id,
        stageHistory: [i IN range(0, size(coalesce(p.stageHistoryAt, [])) - 1) | {stage: p.stageHistoryStages[i], at: p.stageHistoryAt[i]}],
        tierHistory: [i IN range(0, size(coalesce(p.tierHistoryAt, [])) - 1) | {tier: p.tierHistoryTiers[i], at: p.tierHistoryAt[i]}]} AS node
