// Returns {partnerId, incoming: {status, since, until}, existing: {status, since, until}} for each pair of accounts of one partner that merging customer $fromId into $intoId would leave overlapping in time on $intoId (README "Time": a partner's accounts on one customer never overlap): an account of $fromId that moves (every ended one, and the current one when the partner has no current account on $intoId; two current ones are joined instead) against an account, current or ended, the partner holds on $intoId. Intervals are half-open, since <= T < until, a missing bound open. Ordered by partner id, then the incoming and the existing since. Params: $intoId, $fromId.
MATCH (p:Partner)-[moved:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer {id: $fromId})
WHERE type(moved) = 'HAD_ACCOUNT' OR NOT EXISTS { (p)-[:HAS_ACCOUNT]->(:Customer {id: $intoId}) }
MATCH (p)-[kept:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer {id: $intoId})
WHERE (moved.since IS NULL OR kept.until IS NULL OR moved.since < kept.until)
  AND (kept.since IS NULL OR moved.until IS NULL OR kept.since < moved.until)
RETURN p.id AS partnerId, moved {.status, .since, .until} AS incoming, kept {.status, .since, .until} AS existing
ORDER BY partnerId, incoming.since, existing.since
