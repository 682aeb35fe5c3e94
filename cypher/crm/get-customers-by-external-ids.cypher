// Returns {key, node: {id, name, domain, industry, region}} for each of $keys that a customer has as an external id of $system (CRM import). Params: $system, $keys.
UNWIND $keys AS key
MATCH (:ExternalId {kind: 'Customer', system: $system, value: key})<-[:HAS_EXTERNAL_ID]-(c:Customer)
RETURN key, c {.id, .name, .domain, .industry, .region} AS node
