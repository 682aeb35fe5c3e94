// A page of a webhook's deliveries, newest first: those with firstSequence below $before (null: from the newest), at most $limit. No row for a webhook the viewer does not own. Params: $webhookId, $before, $limit.
MATCH (w:Webhook {id: $webhookId})
WHERE {{scope/webhook-owned(w)}}
OPTIONAL CALL (w) {
  MATCH (w)-[:HAS_DELIVERY]->(d:WebhookDelivery)
  WHERE $before IS NULL OR d.firstSequence < $before
  RETURN d ORDER BY d.firstSequence DESC LIMIT $limit
}
WITH w, collect(d {.id, .status, .firstSequence, .lastSequence, .changeCount, .attempts, .statusCodes, .lastError,
  .createdAt, .lastAttemptAt, .nextAttemptAt, .deliveredAt}) AS deliveries
RETURN w.id AS webhookId, deliveries
