// Creates a webhook owned by $ownerPartnerId (null: the vendor's scope) starting after change $cursor (null: from the first); returns it without its secret. Params: $id, $url, $eventTypes, $secret, $ownerPartnerId, $createdBy, $cursor.
CREATE (w:Webhook {
  id: $id, url: $url, eventTypes: $eventTypes, secret: $secret, ownerPartnerId: $ownerPartnerId,
  createdBy: $createdBy, createdAt: datetime(), cursor: $cursor
})
RETURN w {.id, .url, .eventTypes, .ownerPartnerId, .createdBy, .createdAt, .cursor} AS webhook
