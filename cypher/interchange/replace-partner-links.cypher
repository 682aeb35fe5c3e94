// Returns {count}: replaces each partner's capabilities and outgoing sharing grants with the given ones and removes its integrations (create-integrations adds them back). Params: $rows [{id, capabilities: [{capabilityId, level}], sharing: [{partnerId, level}]}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.id})
CALL (p) {
  MATCH (p)-[old:HAS_CAPABILITY|SHARES_WITH]->()
  DELETE old
}
CALL (p) {
  MATCH (p)-[old:INTEGRATES_WITH]-(:Partner)
  DELETE old
}
CALL (p, row) {
  UNWIND row.capabilities AS held
  MATCH (c:Capability {id: held.capabilityId})
  CREATE (p)-[:HAS_CAPABILITY {level: held.level}]->(c)
}
CALL (p, row) {
  UNWIND row.sharing AS grant
  MATCH (grantee:Partner {id: grant.partnerId})
  CREATE (p)-[:SHARES_WITH {level: grant.level}]->(grantee)
}
RETURN count(*) AS count
