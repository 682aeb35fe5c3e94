// Returns {purgedThrough}: moves the retention horizon to the last change recorded before $before (never back), so cursors before it are refused from now on; purge-changes then deletes up to it.
// Params: $before.
MERGE (s:ChangeSequence {id: 'changes'})
  ON CREATE SET s.next = 1, s.purgedThrough = 0
WITH s
OPTIONAL MATCH (ch:Change) WHERE ch.at < datetime($before)
WITH s, max(ch.sequence) AS expired
SET s.purgedThrough = CASE WHEN expired IS NOT NULL AND expired > coalesce(s.purgedThrough, 0) THEN expired ELSE coalesce(s.purgedThrough, 0) END
RETURN s.purgedThrough AS purgedThrough
