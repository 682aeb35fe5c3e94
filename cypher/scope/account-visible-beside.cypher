// account-visible-beside(q, v): account-visible for another partner q's account on a customer that v, the PARTNER
// viewer's own node already bound (v.id = $viewerPartnerId, q <> v), has an account on too: then only q's grant to v
// decides (FULL or OVERLAPS). Read from v's node rather than looked up by id, for partnerImpact's one pass over v's
// customers. The vendor's users see every account.
($viewerPartnerId IS NULL OR EXISTS { (q)-[:SHARES_WITH {level: 'FULL'}]->(v) }
 OR EXISTS { (q)-[:SHARES_WITH {level: 'OVERLAPS'}]->(v) })
