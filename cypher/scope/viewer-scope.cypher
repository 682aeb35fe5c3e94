// viewer-scope(scope): a subquery returning scope, everything a PARTNER viewer may see of what is not public, as
// lists: {accounts (HAS_ACCOUNT relationships, as account-visible), deals (as deal-visible), customers (as
// customer-visible), solutions (as solution-visible)}. For the map, which checks many nodes and relationships against
// one scope (in-viewer-scope, relationship-in-viewer-scope); empty lists for the vendor's users, who see everything.
CALL () {
  OPTIONAL MATCH (v:Partner {id: $viewerPartnerId})
  WITH v,
       COLLECT { MATCH (v)-[a:HAS_ACCOUNT]->(:Customer) RETURN a
                 UNION MATCH (v)<-[:SHARES_WITH {level: 'FULL'}]-(:Partner)-[a:HAS_ACCOUNT]->(:Customer) RETURN a
                 UNION MATCH (v)<-[:SHARES_WITH {level: 'OVERLAPS'}]-(:Partner)-[a:HAS_ACCOUNT]->(:Customer)<-[:HAS_ACCOUNT]-(v) RETURN a } AS accounts,
       COLLECT { MATCH (v)-[:PARTICIPATES_IN]->(d:Deal) RETURN d } AS deals
  RETURN {accounts: accounts, deals: deals,
          customers: [a IN accounts | endNode(a)] + COLLECT { UNWIND deals AS d MATCH (d)-[:FOR_CUSTOMER]->(u:Customer) RETURN u },
          solutions: COLLECT { MATCH (v)-[:MEMBER_OF]->(s:Solution) RETURN s }} AS scope
}
