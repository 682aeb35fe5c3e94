// Returns {count}: creates each PARTICIPATES_IN link (a fresh load), with hubId = the partner's id and dealCreatedAt = the deal's createdAt (migration 010-hub-ids). Params: $rows [{dealId, partnerId, role, sourced, registeredAt}] (registeredAt as an ISO string).
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
MATCH (d:Deal {id: row.dealId})
CREATE (p)-[:PARTICIPATES_IN {role: row.role, sourced: row.sourced, registeredAt: datetime(row.registeredAt), hubId: p.id, dealCreatedAt: d.createdAt}]->(d)
RETURN count(*) AS count
