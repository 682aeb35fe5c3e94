// Deletes a webhook the viewer owns and its delivery records; returns the deleted id (no row when there is none to delete). Params: $id.
MATCH (w:Webhook {id: $id})
WHERE {{scope/webhook-owned(w)}}
OPTIONAL MATCH (w)-[:HAS_DELIVERY]->(d:WebhookDelivery)
WITH w, collect(d) AS deliveries
FOREACH (d IN deliveries | DETACH DELETE d)
WITH w, w.id AS id
DETACH DELETE w
RETURN id
