// Returns {ids}: every id of the entities labelled $label (Partner, Capability, Customer, Solution, Deal or Program), for the outbox's tracking before import --replace may change any of them.
// Params: $label.
MATCH (n) WHERE $label IN labels(n) AND n.id IS NOT NULL
RETURN collect(n.id) AS ids
