// Returns {deleted}: removes every Partner, Capability, Customer, Solution and Deal whose id is not in the given lists, every DealEvent no deal has and every ExternalId no kept entity has, with their relationships; import --replace's last step.
// Params: $capabilityIds, $partnerIds, $customerIds, $solutionIds, $dealIds.
MATCH (n)
WHERE (n:Partner AND NOT n.id IN $partnerIds) OR (n:Capability AND NOT n.id IN $capabilityIds) OR (n:Customer AND NOT n.id IN $customerIds)
   OR (n:Solution AND NOT n.id IN $solutionIds) OR (n:Deal AND NOT n.id IN $dealIds)
   OR (n:DealEvent AND NOT EXISTS { ()-[:HAS_EVENT]->(n) })
   OR (n:ExternalId AND NOT EXISTS { MATCH (o)-[:HAS_EXTERNAL_ID]->(n) WHERE (o:Partner AND o.id IN $partnerIds) OR (o:Capability AND o.id IN $capabilityIds) OR (o:Customer AND o.id IN $customerIds) OR (o:Solution AND o.id IN $solutionIds) OR (o:Deal AND o.id IN $dealIds) })
DETACH DELETE n
RETURN count(*) AS deleted
