// Returns {locked}: write-locks the nodes with the element ids $eids (the outbox's tracked entities, found by a pure read first: a write statement's unique-index seek would take a shared lock before this exclusive one, and two writers upgrading would deadlock), so their snapshot cannot go stale under a concurrent write.
// Params: $eids.
MATCH (n) WHERE elementId(n) IN $eids
SET n.outboxLock = true
REMOVE n.outboxLock
RETURN count(n) AS locked
