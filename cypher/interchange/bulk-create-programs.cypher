// Creates each program with its enrolments (the bulk load, into an emptied database); returns {created}. Params: $rows [{id, props, enrolments [{partnerId, since, exclusiveRegions, exclusiveIndustries}]}].
UNWIND $rows AS row
CREATE (g:Program:Entity {id: row.id})
SET g += row.props
WITH g, row
CALL (g, row) {
  UNWIND row.enrolments AS e
  CREATE (g)-[:ENROLS]->(:Enrolment {programId: g.id, partnerId: e.partnerId, since: datetime(e.since),
                                     exclusiveRegions: e.exclusiveRegions, exclusiveIndustries: e.exclusiveIndustries})
}
RETURN count(g) AS created
