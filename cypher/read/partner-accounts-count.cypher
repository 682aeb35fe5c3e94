// partner-accounts-count(p): Partner.accountsConnection's totalCount without a filter, an expression: how many accounts of p the viewer may see, counted without reading them (for the vendor's users the relationship's degree). As relay/count-partner-accounts.
CASE WHEN $viewerPartnerId IS NULL THEN COUNT { (p)-[:HAS_ACCOUNT]->() }
     ELSE COUNT { MATCH (p)-[a:HAS_ACCOUNT]->(c:Customer) WHERE {{scope/account-visible(p, c)}} } END
