// Returns {next}: the outbox's counter (:ChangeSequence {id: 'changes'}), created when missing (migration 006-changes creates it; a database emptied by hand loses it), continuing after the highest sequence left. No parameters.
OPTIONAL MATCH (c:Change)
WITH max(c.sequence) AS top
MERGE (s:ChangeSequence {id: 'changes'})
  ON CREATE SET s.next = coalesce(top, 0) + 1, s.purgedThrough = 0
RETURN s.next AS next
