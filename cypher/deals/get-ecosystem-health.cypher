// Returns one row of aggregates over the CLOSED_WON deals closed in [$from, $to) (src/deals/ecosystem-health.ts turns it into EcosystemHealth):
//   closedWonDeals, multiPartnerDeals (2+ participations);
//   byCurrency [{currency, deals, hi, lo, sourcedDeals, sourcedHi, sourcedLo, influencedDeals, influencedHi, influencedLo}]
//     (sourced: a participant sourced it; influenced: participants, none sourcing);
//   connectorIds, connectorOthers: each partner that co-sold with the distinct other partners it co-sold with;
//   attributedDeals (deals with a frozen attribution), attributed [{currency, hi, lo}] (their shares),
//   attributedPartners [{partnerId, deals, attributed [{currency, hi, lo}]}] (shares above zero).
// Money is exact: each amount is split into hi = minor / 2^32 and lo = minor % 2^32 (hi * 2^32 + lo = minor), and the halves
// are summed apart; |lo| < 2^32 and |hi| < 2^31, so neither sum can leave 64 bits below 2^31 summands, and the caller adds
// them as bigint (a total beyond 2^63 − 1 stays exact). Connectors and partners come in the API's order (the caller sorts
// again, in JavaScript's string order, which costs one pass over a sorted list). Params: $from, $to.
MATCH (d:Deal {stage: 'CLOSED_WON'})
WHERE d.closedAt >= datetime($from) AND d.closedAt < datetime($to)
WITH d, COLLECT { MATCH (p:Partner)-[r:PARTICIPATES_IN]->(d) RETURN [p.id, coalesce(r.sourced, false)] AS participant } AS participants
WITH collect(d) AS won, collect(participants) AS participants
CALL (won, participants) {
  UNWIND range(0, size(won) - 1) AS i
  WITH won[i] AS d, size(participants[i]) AS n, any(p IN participants[i] WHERE p[1]) AS sourcedBy
  WITH d.currency AS currency, d.amountMinor / 4294967296 AS hi, d.amountMinor % 4294967296 AS lo, n,
       n > 0 AND sourcedBy AS sourced, n > 0 AND NOT sourcedBy AS influenced
  WITH currency, count(*) AS deals, count(CASE WHEN n >= 2 THEN 1 END) AS multi, sum(hi) AS hi, sum(lo) AS lo,
       count(CASE WHEN sourced THEN 1 END) AS sourcedDeals,
       sum(CASE WHEN sourced THEN hi ELSE 0 END) AS sourcedHi, sum(CASE WHEN sourced THEN lo ELSE 0 END) AS sourcedLo,
       count(CASE WHEN influenced THEN 1 END) AS influencedDeals,
       sum(CASE WHEN influenced THEN hi ELSE 0 END) AS influencedHi, sum(CASE WHEN influenced THEN lo ELSE 0 END) AS influencedLo
  RETURN sum(deals) AS closedWonDeals, sum(multi) AS multiPartnerDeals,
         collect({currency: currency, deals: deals, hi: hi, lo: lo, sourcedDeals: sourcedDeals, sourcedHi: sourcedHi,
                  sourcedLo: sourcedLo, influencedDeals: influencedDeals, influencedHi: influencedHi, influencedLo: influencedLo}) AS byCurrency
}
CALL (participants) {
  UNWIND participants AS deal
  WITH [p IN deal | p[0]] AS ids WHERE size(ids) >= 2
  UNWIND ids AS a
  UNWIND ids AS b
  WITH a, b WHERE a <> b
  WITH a AS id, count(DISTINCT b) AS others
  ORDER BY others DESC, id
  RETURN collect(id) AS connectorIds, collect(others) AS connectorOthers
}
CALL (won) {
  UNWIND won AS d
  WITH d WHERE d.attributionModel IS NOT NULL
  RETURN count(d) AS attributedDeals
}
CALL (won) {
  UNWIND won AS d
  WITH d WHERE d.attributionModel IS NOT NULL
  UNWIND range(0, size(coalesce(d.attributionPartnerIds, [])) - 1) AS i
  WITH d.currency AS currency, d.attributionMinors[i] AS minor
  WITH currency, sum(minor / 4294967296) AS hi, sum(minor % 4294967296) AS lo
  RETURN collect({currency: currency, hi: hi, lo: lo}) AS attributed
}
CALL (won) {
  UNWIND won AS d
  WITH d WHERE d.attributionModel IS NOT NULL
  UNWIND range(0, size(coalesce(d.attributionPartnerIds, [])) - 1) AS i
  WITH d.attributionPartnerIds[i] AS partnerId, d.currency AS currency, d.attributionMinors[i] AS minor
  WHERE minor > 0
  WITH partnerId, currency, count(*) AS deals, sum(minor / 4294967296) AS hi, sum(minor % 4294967296) AS lo
  WITH partnerId, sum(deals) AS deals, collect({currency: currency, hi: hi, lo: lo}) AS attributed
  ORDER BY deals DESC, partnerId
  RETURN collect({partnerId: partnerId, deals: deals, attributed: attributed}) AS attributedPartners
}
RETURN closedWonDeals, multiPartnerDeals, byCurrency, connectorIds, connectorOthers, attributedDeals, attributed, attributedPartners
