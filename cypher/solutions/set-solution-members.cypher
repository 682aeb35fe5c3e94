// Replaces the solution's members with $members ([{partnerId, role}] of existing partners); returns {count}. Params: $id, $members.
MATCH (s:Solution {id: $id})
OPTIONAL MATCH (:Partner)-[old:MEMBER_OF]->(s)
DELETE old
WITH DISTINCT s
UNWIND (CASE WHEN size($members) = 0 THEN [null] ELSE $members END) AS member
OPTIONAL MATCH (p:Partner {id: member.partnerId})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (p)-[m:MEMBER_OF]->(s) SET m.role = member.role)
RETURN count(p) AS count
