// Moves everything of customer $fromId onto customer $intoId and deletes $fromId (mergeCustomers; the caller holds both customers' locks): accounts (when a partner has one on both, the surviving account stays, with the stronger status CUSTOMER > OPPORTUNITY > PROSPECT and its own values of any other property, its since included even when it has none), ended accounts (HAD_ACCOUNT, README "Time"), needs, deals (each records a MERGED DealEvent from $fromId to $intoId), external ids and distinct marks; empty fields of $intoId (industry, region, segment, domain) are filled from $fromId.
// Returns {movedDealIds} (no row when either customer is missing). Params: $intoId, $fromId, $at.
MATCH (into:Customer {id: $intoId}), (from:Customer {id: $fromId})
CALL (into, from) {
  MATCH (p:Partner)-[a:HAS_ACCOUNT]->(from)
  OPTIONAL MATCH (p)-[kept:HAS_ACCOUNT]->(into)
  WITH p, a, kept, properties(a) AS old, properties(kept) AS mine
  CALL (p, into, old, kept) {
    WITH * WHERE kept IS NULL
    CREATE (p)-[n:HAS_ACCOUNT]->(into)
    SET n = old
  }
  CALL (old, mine, kept) {
    WITH * WHERE kept IS NOT NULL
    SET kept = old
    SET kept += mine
    SET kept.since = mine.since
    SET kept.status = [s IN ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'] WHERE s IN [old.status, mine.status]][0]
  }
  DELETE a
}
CALL (into, from) {
  MATCH (p:Partner)-[h:HAD_ACCOUNT]->(from)
  CREATE (p)-[moved:HAD_ACCOUNT]->(into)
  SET moved = properties(h)
  DELETE h
}
CALL (into, from) {
  MATCH (from)-[n:NEEDS]->(c:Capability)
  MERGE (into)-[:NEEDS]->(c)
  DELETE n
}
CALL (into, from) {
  MATCH (from)-[x:HAS_EXTERNAL_ID]->(e:ExternalId)
  CREATE (into)-[:HAS_EXTERNAL_ID]->(e)
  DELETE x
}
CALL (into, from) {
  MATCH (from)-[m:DISTINCT_FROM]-(other:Customer)
  WHERE other <> into
  MERGE (into)-[:DISTINCT_FROM]-(other)
  DELETE m
}
CALL (into, from) {
  OPTIONAL MATCH (d:Deal)-[r:FOR_CUSTOMER]->(from)
  WITH d, r ORDER BY d.id
  CALL (d, r, into) {
    WITH * WHERE d IS NOT NULL
    CREATE (d)-[:FOR_CUSTOMER]->(into)
    DELETE r
    WITH d, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
    CREATE (d)-[:HAS_EVENT]->(:DealEvent {at: datetime($at), seq: events + 1, kind: 'MERGED', from: $fromId, to: $intoId,
                                          note: 'Customer ' + $fromId + ' merged into ' + $intoId})
  }
  RETURN [id IN collect(d.id) WHERE id IS NOT NULL] AS movedDealIds
}
WITH into, from, movedDealIds, from.domain AS domain, from {.industry, .region, .segment} AS fields
DETACH DELETE from
WITH into, movedDealIds, domain, fields
SET into.industry = coalesce(into.industry, fields.industry),
    into.region = coalesce(into.region, fields.region),
    into.segment = coalesce(into.segment, fields.segment),
    into.domain = coalesce(into.domain, domain)
RETURN movedDealIds
