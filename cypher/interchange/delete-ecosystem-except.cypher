// Returns {deleted}: removes every Partner, Capability, Customer, Solution and Deal whose id is not in the given lists, and every DealEvent no deal has, with their relationships; import --replace's last step.
// Params: $capabilityIds, $partnerIds, $customerIds, $solutionIds, $dealIds.
MATCH (n)
WHERE (n:Partner AND NOT n.id IN $partnerIds) OR (n:Capability AND NOT n.id IN $capabilityIds) OR (n:Customer AND NOT n.id IN $customerIds)
   OR (n:Solution AND NOT n.id IN $solutionIds) OR (n:Deal AND NOT n.id IN $dealIds)
   OR (n:DealEvent AND NOT EXISTS { ()-[:HAS_EVENT]->(n) })
DETACH DELETE n
RETURN count(*) AS deleted
