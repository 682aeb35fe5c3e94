// Deletes the partner: takes it out of each of its deals with a PARTICIPANT_REMOVED event (at $at, note $note), then deletes it with every other relationship; returns {deletedId, dealsChanged}, no row when there is no such partner. Params: $id, $at, $note.
MATCH (p:Partner {id: $id})
CALL (p) {
  OPTIONAL MATCH (p)-[r:PARTICIPATES_IN]->(d:Deal)
  WITH d, r, COUNT { (d)-[:HAS_EVENT]->(:DealEvent) } AS events
  DELETE r
  FOREACH (deal IN CASE WHEN d IS NULL THEN [] ELSE [d] END |
    CREATE (deal)-[:HAS_EVENT]->(:DealEvent {at: datetime($at), seq: events + 1, kind: 'PARTICIPANT_REMOVED', from: $id, note: $note}))
  RETURN count(d) AS dealsChanged
}
DETACH DELETE p
RETURN $id AS deletedId, dealsChanged
