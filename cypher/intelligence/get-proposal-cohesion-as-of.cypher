// Returns {a, b, integrated, sharedCustomers}: get-proposal-cohesion as of the instant $asOf: the integrations, accounts and grants that held then
// (README, "Time"). Params: $ids, $asOf.
UNWIND $ids AS aid
MATCH (a:Partner {id: aid})
CALL (a) {
  MATCH (a)-[i:INTEGRATES_WITH|HAD_INTEGRATION]-(b:Partner)
  WHERE b.id IN $ids AND a.id < b.id AND {{time/holds-at(i, $asOf)}}
  RETURN b, 1 AS integration, 0 AS shared
  UNION ALL
  MATCH (a)-[ra:HAS_ACCOUNT|HAD_ACCOUNT]->(u:Customer)<-[rb:HAS_ACCOUNT|HAD_ACCOUNT]-(b:Partner)
  WHERE b.id IN $ids AND a.id < b.id AND {{time/holds-at(ra, $asOf)}} AND {{time/holds-at(rb, $asOf)}}
    AND {{scope/account-visible-at(a, u, $asOf)}}
    AND {{scope/account-visible-at(b, u, $asOf)}}
  RETURN b, 0 AS integration, 1 AS shared
}
RETURN a.id AS a, b.id AS b, sum(integration) > 0 AS integrated, sum(shared) AS sharedCustomers
