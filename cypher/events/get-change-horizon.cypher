// Returns {purgedThrough, last}: the outbox's retention horizon (every change up to purgedThrough has been purged; a cursor before it is expired) and the last sequence taken (0 when none). No parameters.
OPTIONAL MATCH (s:ChangeSequence {id: 'changes'})
RETURN coalesce(s.purgedThrough, 0) AS purgedThrough, coalesce(s.next, 1) - 1 AS last
