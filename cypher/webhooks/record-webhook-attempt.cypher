// Records one attempt of a delivery: its HTTP status (0: no answer), error, and the outcome: DELIVERED, PENDING again at $nextAttemptAt, or FAILED. Params: $id, $statusCode, $error, $status, $nextAttemptAt.
MATCH (d:WebhookDelivery {id: $id})
SET d.attempts = d.attempts + 1,
    d.statusCodes = d.statusCodes + $statusCode,
    d.lastError = $error,
    d.lastAttemptAt = datetime(),
    d.status = $status,
    d.nextAttemptAt = CASE WHEN $status = 'PENDING' THEN datetime($nextAttemptAt) ELSE null END,
    d.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN datetime() ELSE null END
RETURN d.id AS id
