// Returns {a, b, integrated, sharedCustomers} for each pair of partners in $ids (a < b) that integrate or share customers;
// for a PARTNER viewer a shared customer counts only when it may see both accounts. Params: $ids.
UNWIND $ids AS aid
MATCH (a:Partner {id: aid})
CALL (a) {
  MATCH (a)-[:INTEGRATES_WITH]-(b:Partner)
  WHERE b.id IN $ids AND a.id < b.id
  RETURN b, 1 AS integration, 0 AS shared
  UNION ALL
  MATCH (a)-[:HAS_ACCOUNT]->(u:Customer)<-[:HAS_ACCOUNT]-(b:Partner)
  WHERE b.id IN $ids AND a.id < b.id
    AND {{scope/account-visible(a, u)}}
    AND {{scope/account-visible(b, u)}}
  RETURN b, 0 AS integration, 1 AS shared
}
RETURN a.id AS a, b.id AS b, sum(integration) > 0 AS integrated, sum(shared) AS sharedCustomers
