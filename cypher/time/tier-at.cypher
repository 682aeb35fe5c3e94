// tier-at(p, $asOf): partner p's tier at the instant $asOf: the tier of the last tierHistory entry at or before $asOf
// (p.tierHistoryTiers / p.tierHistoryAt, parallel lists sorted by at); before the first entry, or with no history,
// the current p.tier (ecosystem-format.md, "Validity in time"; README, "Time").
(coalesce(last([tierAtIndex IN range(0, size(coalesce(p.tierHistoryAt, [])) - 1)
                WHERE p.tierHistoryAt[tierAtIndex] <= $asOf | p.tierHistoryTiers[tierAtIndex]]), p.tier))
