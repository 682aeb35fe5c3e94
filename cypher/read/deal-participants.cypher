// deal-participants(d): Deal.participants, the partners on deal d (read only under a deal the viewer may see) ordered by partner id; binds q (the partner) and r (its PARTICIPATES_IN). As deals/get-deal-participants.
MATCH (q:Partner)-[r:PARTICIPATES_IN]->(d)
WITH d, q, r ORDER BY q.id
