// Returns {id} for each id in $ids that names an existing solution (used to check references before a write);
// for a PARTNER viewer only solutions it is a member of. Params: $ids.
UNWIND $ids AS id
MATCH (n:Solution {id: id})
WHERE {{scope/solution-visible(n)}}
RETURN DISTINCT n.id AS id
