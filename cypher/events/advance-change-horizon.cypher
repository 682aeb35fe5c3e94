// Returns {purgedThrough}: moves the retention horizon to the last change recorded before $before (never back), so cursors before it are refused from now on; purge-changes then deletes up to it.
// Params: $before.
MATCH (s:ChangeSequence {id: 'changes'})
OPTIONAL MATCH (ch:Change) WHERE ch.at < datetime($before)
WITH s, max(ch.sequence) AS expired
SET s.purgedThrough = CASE WHEN expired IS NOT NULL AND expired > coalesce(s.purgedThrough, 0) THEN expired ELSE coalesce(s.purgedThrough, 0) END
RETURN s.purgedThrough AS purgedThrough
