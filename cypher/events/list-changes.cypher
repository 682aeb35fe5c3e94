// Returns {change}: the outbox's changes after sequence $afterSequence that the viewer may see (scope/change-visible), oldest first, at most $limit; $entityTypes, $kinds and $entityIds filter them (null: any). change: {sequence, at, kind, entityType, entityId, fields (JSON text), actor}.
// Params: $afterSequence, $limit, $entityTypes, $kinds, $entityIds.
MATCH (ch:Change)
WHERE ch.sequence > $afterSequence
  AND ($entityTypes IS NULL OR ch.entityType IN $entityTypes)
  AND ($kinds IS NULL OR ch.kind IN $kinds)
  AND ($entityIds IS NULL OR ch.entityId IN $entityIds)
  AND {{scope/change-visible(ch)}}
WITH ch
ORDER BY ch.sequence
LIMIT $limit
RETURN ch {.sequence, .at, .kind, .entityType, .entityId, .fields, .actor} AS change
