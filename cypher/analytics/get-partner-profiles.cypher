// Returns {partner, capabilityIds} for the partners named in $ids and every partner whose lifecycle stage is in $stages, ordered by id: the directory data the similarity features come from. Params: $ids, $stages.
CALL () {
  MATCH (p:Partner) WHERE p.id IN $ids
  RETURN p
  UNION
  MATCH (p:Partner) WHERE p.lifecycleStage IN $stages
  RETURN p
}
RETURN p {.id, .name, .types, .tier, .lifecycleStage, .regions, .industries, .website} AS partner,
       [(p)-[:HAS_CAPABILITY]->(c:Capability) | c.id] AS capabilityIds
ORDER BY partner.id
