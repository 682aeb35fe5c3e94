// partners-page($afterId, $limit): Query.partners without a filter in id order (the default): one page after $afterId (or from the start), read from the id index in order; binds p. As relay/list-partners-by-id.
MATCH (p:Partner)
WHERE p.id > coalesce($afterId, '')
