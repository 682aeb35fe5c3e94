// Returns {deleted}: removes every version of the rules of engagement and their version counter (back to the built-in defaults, version 0); import --replace and the bulk load, before the document's versions. No parameters.
OPTIONAL MATCH (h:PolicyHead {id: 'rules-of-engagement'})
DELETE h
WITH count(*) AS heads
MATCH (r:RulesOfEngagement)
DELETE r
RETURN count(r) AS deleted
