// Returns {key, node: {id, name, types, website}} for each of $keys that a partner has as an external id of $system (CRM import). Params: $system, $keys.
UNWIND $keys AS key
MATCH (:ExternalId {kind: 'Partner', system: $system, value: key})<-[:HAS_EXTERNAL_ID]-(p:Partner)
RETURN key, p {.id, .name, .types, .website} AS node
