// Returns {reason, ids} for every link between customers that may be one company: 'SAME_NAME' with the ids of all customers sharing a non-empty normalizedName (two or more), 'SAME_DOMAIN' with [a customer, the customer whose domain is a parent of (or equal to) its domain]. Pairs marked distinct are not removed here (see list-distinct-pairs). No parameters.
CALL () {
  MATCH (c:Customer)
  WHERE c.normalizedName IS NOT NULL AND c.normalizedName <> ''
  WITH c.normalizedName AS name, collect(c.id) AS ids
  WHERE size(ids) > 1
  RETURN 'SAME_NAME' AS reason, ids
  UNION ALL
  MATCH (c:Customer)
  WHERE c.domain IS NOT NULL
  UNWIND [i IN range(0, size(c.domain) - 1) WHERE substring(c.domain, i, 1) = '.' | substring(c.domain, i + 1)] AS parent
  MATCH (p:Customer {domain: parent})
  RETURN 'SAME_DOMAIN' AS reason, [c.id, p.id] AS ids
}
RETURN reason, ids
