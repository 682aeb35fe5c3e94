// A page of a webhook's deliveries in firstSequence order: newest first ($ascending false: those below $position,
// null: from the newest) or, for a backward page, oldest first from $position (those above it); at most $limit. No row
// for a webhook the viewer does not own. Params: $webhookId, $position, $ascending, $limit.
MATCH (w:Webhook {id: $webhookId})
WHERE {{scope/webhook-owned(w)}}
OPTIONAL CALL (w) {
  MATCH (w)-[:HAS_DELIVERY]->(d:WebhookDelivery)
  WHERE $position IS NULL OR (CASE WHEN $ascending THEN d.firstSequence > $position ELSE d.firstSequence < $position END)
  RETURN d ORDER BY CASE WHEN $ascending THEN d.firstSequence ELSE -d.firstSequence END LIMIT $limit
}
WITH w, collect(d {.id, .status, .firstSequence, .lastSequence, .changeCount, .attempts, .statusCodes, .lastError,
  .createdAt, .lastAttemptAt, .nextAttemptAt, .deliveredAt}) AS deliveries
RETURN w.id AS webhookId, deliveries
