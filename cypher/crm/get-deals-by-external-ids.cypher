// Returns {key, node: {id, name, customerId, stage, amountMinor, currency, createdAt, closedAt, participants: [{partnerId, role, sourced}]}} for each of $keys that a deal has as an external id of $system (CRM import). Params: $system, $keys.
UNWIND $keys AS key
MATCH (:ExternalId {kind: 'Deal', system: $system, value: key})<-[:HAS_EXTERNAL_ID]-(d:Deal)
RETURN key, d {.id, .name, .stage, .amountMinor, .currency, .createdAt, .closedAt,
               customerId: head([(d)-[:FOR_CUSTOMER]->(c:Customer) | c.id]),
               participants: [(p:Partner)-[r:PARTICIPATES_IN]->(d) | {partnerId: p.id, role: r.role, sourced: r.sourced}]} AS node
