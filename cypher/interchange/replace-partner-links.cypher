// Returns {count}: replaces each partner's capabilities and outgoing sharing grants, current and ended, with the given ones (an entry with until is HAD_CAPABILITY / HAD_SHARING, README "Time"; a holding's hubId is its capability's id, migration 010-hub-ids) and removes its integrations, current and ended (create-integrations adds them back). Params: $rows [{id, capabilities: [{capabilityId, level, since, until}], sharing: [{partnerId, level, since, until}]}].
UNWIND $rows AS row
MATCH (p:Partner {id: row.id})
CALL (p) {
  MATCH (p)-[old:HAS_CAPABILITY|SHARES_WITH|HAD_CAPABILITY|HAD_SHARING]->()
  DELETE old
}
CALL (p) {
  MATCH (p)-[old:INTEGRATES_WITH|HAD_INTEGRATION]-(:Partner)
  DELETE old
}
CALL (p, row) {
  UNWIND row.capabilities AS held
  MATCH (c:Capability {id: held.capabilityId})
  CALL (p, c, held) {
    WITH * WHERE held.until IS NULL
    CREATE (p)-[h:HAS_CAPABILITY {level: held.level, hubId: c.id}]->(c)
    SET h.since = datetime(held.since)
  }
  CALL (p, c, held) {
    WITH * WHERE held.until IS NOT NULL
    CREATE (p)-[h:HAD_CAPABILITY {level: held.level, until: datetime(held.until), hubId: c.id}]->(c)
    SET h.since = datetime(held.since)
  }
}
CALL (p, row) {
  UNWIND row.sharing AS grant
  MATCH (grantee:Partner {id: grant.partnerId})
  CALL (p, grantee, grant) {
    WITH * WHERE grant.until IS NULL
    CREATE (p)-[g:SHARES_WITH {level: grant.level}]->(grantee)
    SET g.since = datetime(grant.since)
  }
  CALL (p, grantee, grant) {
    WITH * WHERE grant.until IS NOT NULL
    CREATE (p)-[g:HAD_SHARING {level: grant.level, until: datetime(grant.until)}]->(grantee)
    SET g.since = datetime(grant.since)
  }
}
RETURN count(*) AS count
