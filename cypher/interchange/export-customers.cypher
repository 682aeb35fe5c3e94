// Returns {id, name, industry, region, segment, needs: [capability id], domain, externalIds: [{system, id}]} for every customer, ordered by id. No parameters.
MATCH (u:Customer)
RETURN u.id AS id, u.name AS name, u.industry AS industry, u.region AS region, u.segment AS segment,
       COLLECT { MATCH (u)-[:NEEDS]->(c:Capability) RETURN c.id } AS needs, u.domain AS domain,
       COLLECT { MATCH (u)-[:HAS_EXTERNAL_ID]->(x:ExternalId) RETURN {system: x.system, id: x.value} } AS externalIds
ORDER BY id
