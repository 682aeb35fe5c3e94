// The webhooks with work for the delivery worker: behind the head of the outbox ($head), or with a PENDING delivery due by now; with their secrets. Params: $head.
MATCH (w:Webhook)
WHERE (w.cursor IS NULL OR w.cursor < $head)
   OR EXISTS { MATCH (w)-[:HAS_DELIVERY]->(d:WebhookDelivery {status: 'PENDING'}) WHERE d.nextAttemptAt <= datetime() }
RETURN w.id AS id
