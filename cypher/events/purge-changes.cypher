// Returns {purged}: deletes up to $limit changes with a sequence up to $through (oldest first); the caller repeats it, one transaction per batch, until none is left, so retention is bounded by neither one transaction's memory nor its timeout.
// Params: $through, $limit.
MATCH (ch:Change) WHERE ch.sequence <= $through
WITH ch ORDER BY ch.sequence LIMIT $limit
DELETE ch
RETURN count(*) AS purged
