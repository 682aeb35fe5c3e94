// partner-solutions(p): Partner.solutions, the solutions p is a member of that the viewer may see, ordered by solution id; binds m (the MEMBER_OF relationship) and s (the solution). As partners/get-partner-solutions.
MATCH (p)-[m:MEMBER_OF]->(s:Solution)
WHERE {{scope/solution-visible(s)}}
WITH p, m, s ORDER BY s.id
