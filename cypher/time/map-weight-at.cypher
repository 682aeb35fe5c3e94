// map-weight-at(n, bound, $asOf): the map's weight of node n as of the instant $asOf for the vendor's users (its drawn relationships that held then), from bound: n's weight now plus all its ended (HAD_*) relationships, read from the count store.
// From bound: less its HAD_* relationships that did not hold at $asOf (HAD_ACCOUNT and HAD_CAPABILITY counted as all of them less those that held), its current ones begun after $asOf, and its relationships to deals created after $asOf (README, "Time").
// Where n is the busy end (the partner of an account or a participation, the capability of a holding), those are counted over the composite indexes of
// migration 010-hub-ids (hubId = n.id, the copied id of that end, and since, until or dealCreatedAt past $asOf), never relationship by relationship;
// from the other end (a customer's accounts, a partner's holdings) they are few and read from n. hubId is set by every write of those relationships.
(bound
 - COUNT { (n)-[:HAD_ACCOUNT|HAD_CAPABILITY]-() }
 + COUNT { ()-[held:HAD_ACCOUNT]->() WHERE held.hubId = n.id AND held.until > $asOf AND (held.since IS NULL OR held.since <= $asOf) }
 + COUNT { ()-[held:HAD_CAPABILITY]->() WHERE held.hubId = n.id AND held.until > $asOf AND (held.since IS NULL OR held.since <= $asOf) }
 + COUNT { (n)<-[held:HAD_ACCOUNT]-() WHERE held.until > $asOf AND (held.since IS NULL OR held.since <= $asOf) }
 + COUNT { (n)-[held:HAD_CAPABILITY]->() WHERE held.until > $asOf AND (held.since IS NULL OR held.since <= $asOf) }
 - COUNT { (n)-[held:HAD_INTEGRATION|HAD_MEMBERSHIP]-() WHERE NOT ((held.since IS NULL OR held.since <= $asOf) AND (held.until IS NULL OR held.until > $asOf)) }
 - COUNT { ()-[began:HAS_ACCOUNT]->() WHERE began.hubId = n.id AND began.since > $asOf }
 - COUNT { ()-[began:HAS_CAPABILITY]->() WHERE began.hubId = n.id AND began.since > $asOf }
 - COUNT { (n)<-[began:HAS_ACCOUNT]-() WHERE began.since > $asOf }
 - COUNT { (n)-[began:HAS_CAPABILITY]->() WHERE began.since > $asOf }
 - COUNT { (n)-[began:INTEGRATES_WITH|MEMBER_OF]-() WHERE began.since > $asOf }
 - COUNT { ()-[late:PARTICIPATES_IN]->() WHERE late.hubId = n.id AND late.dealCreatedAt > $asOf }
 - COUNT { (n)<-[:FOR_CUSTOMER|FOR_SOLUTION]-(lateDeal:Deal) WHERE lateDeal.createdAt > $asOf })
