// Returns {accounts, deals, needs, externalIds} counted over the customers in $ids (needs and accounts per customer, so a need two of them share counts twice). Params: $ids.
MATCH (c:Customer) WHERE c.id IN $ids
RETURN sum(COUNT { (:Partner)-[:HAS_ACCOUNT]->(c) }) AS accounts,
       sum(COUNT { (:Deal)-[:FOR_CUSTOMER]->(c) }) AS deals,
       sum(COUNT { (c)-[:NEEDS]->(:Capability) }) AS needs,
       sum(COUNT { (c)-[:HAS_EXTERNAL_ID]->(:ExternalId) }) AS externalIds
