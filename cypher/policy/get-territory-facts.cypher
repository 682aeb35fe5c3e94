// Returns {customerRegion, customerIndustry, partners: [{id, regions, industries}]} for territory enforcement: the customer's region and industry and each listed partner's. Params: $customerId, $partnerIds.
MATCH (c:Customer {id: $customerId})
RETURN c.region AS customerRegion, c.industry AS customerIndustry,
       COLLECT { MATCH (p:Partner) WHERE p.id IN $partnerIds RETURN {id: p.id, regions: coalesce(p.regions, []), industries: coalesce(p.industries, [])} } AS partners
