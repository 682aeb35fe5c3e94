// partners-count(): the partners a filtered Query.partners counts for totalCount; binds p. The root statement adds the filter's conditions (partner-filter) as its WHERE: none reads Neo4j's count store.
MATCH (p:Partner)
