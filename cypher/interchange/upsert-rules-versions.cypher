// Returns {version} for the counter: creates or sets each version of the rules of engagement as the document gives it, and moves the version counter to the highest version there is, so the next setRulesOfEngagement follows it. Params: $rows [{version, conflictingRoles, protectionWindowDays (or null), directDealsConflict, enforceTerritory, duplicateCustomersAsOne, attributionModel, timeDecayHalfLifeDays, setAt, setBy, note (or null)}].
UNWIND $rows AS row
MERGE (r:RulesOfEngagement {version: row.version})
SET r.conflictingRoles = row.conflictingRoles, r.protectionWindowDays = row.protectionWindowDays,
    r.directDealsConflict = row.directDealsConflict, r.enforceTerritory = row.enforceTerritory,
    r.duplicateCustomersAsOne = row.duplicateCustomersAsOne, r.attributionModel = row.attributionModel,
    r.timeDecayHalfLifeDays = row.timeDecayHalfLifeDays, r.setAt = datetime(row.setAt), r.setBy = row.setBy, r.note = row.note
WITH max(row.version) AS highest
MERGE (h:PolicyHead {id: 'rules-of-engagement'})
SET h.version = CASE WHEN coalesce(h.version, 0) > highest THEN h.version ELSE highest END
RETURN h.version AS version
