// stage-at(p, $asOf): partner p's lifecycle stage at the instant $asOf: the stage of the last stageHistory entry at or
// before $asOf (p.stageHistoryStages / p.stageHistoryAt, parallel lists sorted by at); before the first entry, or with
// no history, the current p.lifecycleStage (ecosystem-format.md, "Validity in time"; README, "Time").
(coalesce(last([stageAtIndex IN range(0, size(coalesce(p.stageHistoryAt, [])) - 1)
                WHERE p.stageHistoryAt[stageAtIndex] <= $asOf | p.stageHistoryStages[stageAtIndex]]), p.lifecycleStage))
