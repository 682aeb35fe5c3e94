// overlap-access(pid, qid): what the viewer may see of the account overlap between the partners with ids pid and qid:
// 'CUSTOMERS' for the vendor's users, for a partner compared with itself, or when the other side grants the viewer
// OVERLAPS or FULL; 'COUNTS' under a COUNTS grant; null when the viewer is neither side or has no grant (README,
// "Roles and grants"). The row filters overlap-counts-visible and overlap-customers-visible decide the same per pair.
CASE
  WHEN $viewerPartnerId IS NULL OR (pid = $viewerPartnerId AND qid = $viewerPartnerId) THEN 'CUSTOMERS'
  WHEN NOT $viewerPartnerId IN [pid, qid] THEN null
  ELSE head(COLLECT { MATCH (:Partner {id: CASE WHEN pid = $viewerPartnerId THEN qid ELSE pid END})-[g:SHARES_WITH]->(:Partner {id: $viewerPartnerId})
                      RETURN CASE g.level WHEN 'COUNTS' THEN 'COUNTS' ELSE 'CUSTOMERS' END AS access })
END
