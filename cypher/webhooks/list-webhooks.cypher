// The webhooks the viewer owns (every webhook for the vendor's users), oldest first, without secrets, with the number of failed and pending deliveries. No parameters besides the viewer's scope.
MATCH (w:Webhook)
WHERE {{scope/webhook-owned(w)}}
RETURN w {.id, .url, .eventTypes, .ownerPartnerId, .createdBy, .createdAt, .cursor,
  pending: COUNT { (w)-[:HAS_DELIVERY]->(:WebhookDelivery {status: 'PENDING'}) },
  failed: COUNT { (w)-[:HAS_DELIVERY]->(:WebhookDelivery {status: 'FAILED'}) }} AS webhook
ORDER BY w.createdAt, w.id
