// Sets the solution's members to $members ([{partnerId, role}] of existing partners): a member left out or with another role ends (HAD_MEMBERSHIP, until = $now), a new member or role starts (since = $now), an unchanged one stays (README "Time"); returns {count}. Params: $id, $members, $now.
MATCH (s:Solution {id: $id})
WITH s, datetime($now) AS now
OPTIONAL MATCH (q:Partner)-[old:MEMBER_OF]->(s)
WITH s, now, q, old, [m IN $members WHERE m.partnerId = q.id | m.role] AS roles
FOREACH (_ IN CASE WHEN old IS NOT NULL AND NOT old.role IN roles AND (old.since IS NULL OR old.since < now) THEN [1] ELSE [] END |
  CREATE (q)-[ended:HAD_MEMBERSHIP]->(s) SET ended = properties(old), ended.until = now)
FOREACH (_ IN CASE WHEN old IS NOT NULL AND NOT old.role IN roles THEN [1] ELSE [] END | DELETE old)
WITH DISTINCT s, now
UNWIND (CASE WHEN size($members) = 0 THEN [null] ELSE $members END) AS member
OPTIONAL MATCH (p:Partner {id: member.partnerId})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (p)-[m:MEMBER_OF]->(s) ON CREATE SET m.since = now SET m.role = member.role)
RETURN count(p) AS count
