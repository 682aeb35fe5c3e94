// Returns {purged}: deletes every change with a sequence up to $through, committing every 10,000 (auto-commit only: runAutoCommit), so retention is not bounded by one transaction's memory or a request's timeout.
// Params: $through.
MATCH (ch:Change) WHERE ch.sequence <= $through
CALL (ch) {
  DELETE ch
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS purged
