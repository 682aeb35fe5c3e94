// Creates the customer or, when the id exists, sets it to exactly these values (needs are set by set-customer-needs); returns {node}. Params: $id, $name, $searchName, $normalizedName, $domain, $industry, $region, $segment (or null).
MERGE (c:Customer {id: $id})
SET c:Entity
SET c.name = $name, c.searchName = $searchName, c.normalizedName = $normalizedName, c.domain = $domain, c.industry = $industry, c.region = $region, c.segment = $segment
RETURN c {.id, .name, .industry, .region, .segment, .domain} AS node
