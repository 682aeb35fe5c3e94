// deal-open-at(d, $asOf): whether deal d was open at the instant $asOf: created by then and not closed by then (a
// CLOSED_* deal without closedAt counts as closed since its creation) (ecosystem-format.md, "Validity in time").
({{time/deal-created-by(d, $asOf)}}
 AND NOT (d.stage IN ['CLOSED_WON', 'CLOSED_LOST'] AND (d.closedAt IS NULL OR d.closedAt <= $asOf)))
