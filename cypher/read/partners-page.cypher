// partners-page($afterId, $limit): Query.partners in id order (the default): one page after $afterId (or from the start), read from the id index in order; binds p. The root statement adds the filter's conditions (partner-filter) to the WHERE. As relay/list-partners-by-id.
MATCH (p:Partner)
WHERE p.id > coalesce($afterId, '')
