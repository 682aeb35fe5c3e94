// overlap-access-at(pid, qid, $asOf): overlap-access as of the instant $asOf: the other side's grant to the viewer
// that held then decides (time/holds-at; README, "Roles and grants" and "Time").
CASE
  WHEN $viewerPartnerId IS NULL OR (pid = $viewerPartnerId AND qid = $viewerPartnerId) THEN 'CUSTOMERS'
  WHEN NOT $viewerPartnerId IN [pid, qid] THEN null
  ELSE head(COLLECT { MATCH (:Partner {id: CASE WHEN pid = $viewerPartnerId THEN qid ELSE pid END})-[g:SHARES_WITH|HAD_SHARING]->(:Partner {id: $viewerPartnerId})
                      WHERE {{time/holds-at(g, $asOf)}}
                      RETURN CASE g.level WHEN 'COUNTS' THEN 'COUNTS' ELSE 'CUSTOMERS' END AS access })
END
