// Returns {accounts, events}: removes every account (HAS_ACCOUNT) and detaches every DealEvent from its deal (delete-ecosystem-except removes the detached events); import --replace's first step.
// Only relationships are deleted here: deleted nodes in a transaction slow every later MERGE by id in it. No parameters.
CALL () {
  MATCH (:Partner)-[a:HAS_ACCOUNT]->(:Customer)
  DELETE a
  RETURN count(*) AS accounts
}
CALL () {
  MATCH (:Deal)-[h:HAS_EVENT]->(:DealEvent)
  DELETE h
  RETURN count(*) AS events
}
RETURN accounts, events
