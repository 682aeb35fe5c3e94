// Returns {accounts, events, externalIds}: removes every account (HAS_ACCOUNT and the ended HAD_ACCOUNT), detaches every DealEvent from its deal and every ExternalId from its entity (the import attaches the document's again; delete-ecosystem-except removes the detached rest); import --replace's first step.
// Only relationships are deleted here: deleted nodes in a transaction slow every later MERGE by id in it. No parameters.
CALL () {
  MATCH (:Partner)-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer)
  DELETE a
  RETURN count(*) AS accounts
}
CALL () {
  MATCH (:Deal)-[h:HAS_EVENT]->(:DealEvent)
  DELETE h
  RETURN count(*) AS events
}
CALL () {
  MATCH ()-[x:HAS_EXTERNAL_ID]->(:ExternalId)
  DELETE x
  RETURN count(*) AS externalIds
}
RETURN accounts, events, externalIds
