// deal-created-by(d, $asOf): whether deal d exists in the graph as of the instant $asOf: created at or before it
// (a deal without createdAt always has) (ecosystem-format.md, "Validity in time").
(d.createdAt IS NULL OR d.createdAt <= $asOf)
