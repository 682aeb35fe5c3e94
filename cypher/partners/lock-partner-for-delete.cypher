// Takes the write locks a partner's deletion needs: the partner, then the customers of its deals in id order (the lock every deal registration and participant change takes first); returns {id}, no row when there is no such partner. Params: $id.
MATCH (p:Partner {id: $id})
SET p._deleteLock = true
REMOVE p._deleteLock
WITH p
CALL (p) {
  MATCH (p)-[:PARTICIPATES_IN]->(:Deal)-[:FOR_CUSTOMER]->(c:Customer)
  WITH DISTINCT c ORDER BY c.id
  SET c._registrationLock = true
  REMOVE c._registrationLock
  RETURN count(c) AS locked
}
RETURN p.id AS id
