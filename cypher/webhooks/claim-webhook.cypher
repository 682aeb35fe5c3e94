// Takes the delivery lease of a webhook for $owner until now + $leaseMs when it is free, expired or already $owner's; returns the webhook with its secret and its oldest PENDING delivery (no row when another worker holds it). Params: $id, $owner, $leaseMs.
MATCH (w:Webhook {id: $id})
WHERE w.leaseUntil IS NULL OR w.leaseUntil < datetime() OR w.leaseOwner = $owner
SET w.leaseOwner = $owner, w.leaseUntil = datetime() + duration({milliseconds: $leaseMs})
WITH w
OPTIONAL CALL (w) {
  MATCH (w)-[:HAS_DELIVERY]->(d:WebhookDelivery {status: 'PENDING'})
  RETURN d ORDER BY d.firstSequence LIMIT 1
}
RETURN w {.id, .url, .eventTypes, .secret, .ownerPartnerId, .cursor} AS webhook,
  d {.id, .firstSequence, .lastSequence, .payload, .attempts, .createdAt, .nextAttemptAt} AS pending
