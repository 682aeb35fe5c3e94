// partner-by-id($id): Query.partner, the partner with id $id (no row when there is none); binds p. As partners/get-partners-by-ids.
MATCH (p:Partner {id: $id})
