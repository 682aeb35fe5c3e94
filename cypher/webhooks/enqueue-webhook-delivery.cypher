// Moves a webhook's cursor from $expectedCursor to $cursor and, when $delivery is not null, records it as PENDING (due now), in one transaction; no row when the cursor moved meanwhile (another worker). Params: $webhookId, $expectedCursor, $cursor, $delivery {id, firstSequence, lastSequence, changeCount, payload}.
MATCH (w:Webhook {id: $webhookId})
WHERE (w.cursor IS NULL AND $expectedCursor IS NULL) OR w.cursor = $expectedCursor
SET w.cursor = $cursor
WITH w
CALL (w) {
  WITH w WHERE $delivery IS NOT NULL
  CREATE (w)-[:HAS_DELIVERY]->(d:WebhookDelivery {
    id: $delivery.id, status: 'PENDING', firstSequence: $delivery.firstSequence, lastSequence: $delivery.lastSequence,
    changeCount: $delivery.changeCount, payload: $delivery.payload, attempts: 0, statusCodes: [],
    createdAt: datetime(), nextAttemptAt: datetime()
  })
}
RETURN w.id AS id
