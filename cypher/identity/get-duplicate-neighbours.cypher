// Returns {id, otherId, reason} for each customer in $ids and each other customer it is linked to: same non-empty normalizedName ('SAME_NAME'), or one domain equal to or a sub-domain of the other ('SAME_DOMAIN'); pairs marked distinct are left out. Params: $ids.
UNWIND $ids AS id
MATCH (c:Customer {id: id})
CALL (c) {
  MATCH (o:Customer {normalizedName: c.normalizedName})
  WHERE c.normalizedName <> '' AND o <> c
  RETURN o, 'SAME_NAME' AS reason
  UNION
  WITH c
  WHERE c.domain IS NOT NULL
  UNWIND [i IN range(0, size(c.domain) - 1) WHERE substring(c.domain, i, 1) = '.' | substring(c.domain, i + 1)] AS parent
  MATCH (o:Customer {domain: parent})
  RETURN o, 'SAME_DOMAIN' AS reason
  UNION
  WITH c
  WHERE c.domain IS NOT NULL
  MATCH (o:Customer)
  WHERE o.domain ENDS WITH '.' + c.domain
  RETURN o, 'SAME_DOMAIN' AS reason
}
WITH c, o, reason
WHERE NOT EXISTS { (c)-[:DISTINCT_FROM]-(o) }
RETURN c.id AS id, o.id AS otherId, reason
