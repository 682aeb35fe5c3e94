// viewer-scope-at(scope, $asOf): viewer-scope as of the instant $asOf: the accounts (HAS_ACCOUNT or HAD_ACCOUNT) visible
// through the accounts and grants that held then, the deals created by then that the viewer is on, their customers,
// and the solutions it was a member of then (time/holds-at, time/deal-created-by; README, "Roles and grants" and "Time").
CALL () {
  OPTIONAL MATCH (v:Partner {id: $viewerPartnerId})
  WITH v,
       COLLECT { MATCH (v)-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer) WHERE {{time/holds-at(a, $asOf)}} RETURN a
                 UNION MATCH (v)<-[g:SHARES_WITH|HAD_SHARING {level: 'FULL'}]-(:Partner)-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer)
                       WHERE {{time/holds-at(g, $asOf)}} AND {{time/holds-at(a, $asOf)}} RETURN a
                 UNION MATCH (v)<-[g:SHARES_WITH|HAD_SHARING {level: 'OVERLAPS'}]-(:Partner)-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer)<-[o:HAS_ACCOUNT|HAD_ACCOUNT]-(v)
                       WHERE {{time/holds-at(g, $asOf)}} AND {{time/holds-at(a, $asOf)}} AND {{time/holds-at(o, $asOf)}} RETURN a } AS accounts,
       COLLECT { MATCH (v)-[:PARTICIPATES_IN]->(d:Deal) WHERE {{time/deal-created-by(d, $asOf)}} RETURN d } AS deals
  RETURN {accounts: accounts, deals: deals,
          customers: [a IN accounts | endNode(a)] + COLLECT { UNWIND deals AS d MATCH (d)-[:FOR_CUSTOMER]->(u:Customer) RETURN u },
          solutions: COLLECT { MATCH (v)-[m:MEMBER_OF|HAD_MEMBERSHIP]->(s:Solution) WHERE {{time/holds-at(m, $asOf)}} RETURN s }} AS scope
}
