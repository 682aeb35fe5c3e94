// Returns {id} per row: creates or sets each program to exactly the row's properties (a null property removed) and replaces its enrolments with the row's. Params: $rows [{id, props, enrolments [{partnerId, since, exclusiveRegions, exclusiveIndustries}]}].
UNWIND $rows AS row
MERGE (g:Program {id: row.id})
SET g:Entity
SET g += row.props
WITH g, row
CALL (g) {
  OPTIONAL MATCH (g)-[:ENROLS]->(old:Enrolment)
  DETACH DELETE old
}
CALL (g, row) {
  UNWIND row.enrolments AS e
  CREATE (g)-[:ENROLS]->(:Enrolment {programId: g.id, partnerId: e.partnerId, since: datetime(e.since),
                                     exclusiveRegions: e.exclusiveRegions, exclusiveIndustries: e.exclusiveIndustries})
}
RETURN g.id AS id
