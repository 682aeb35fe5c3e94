// partners-count(): the partners of Query.partners: without a filter counted for totalCount (Neo4j's count store); with one, the statement adds the filter's conditions (partner-filter) as its WHERE and sorts, counts and pages the matches; binds p.
MATCH (p:Partner)
