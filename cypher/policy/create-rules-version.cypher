// Adds the next version of the rules of engagement: the head node is locked by its SET, so concurrent changes are numbered one after the other; returns {rules}. Params: $conflictingRoles, $protectionWindowDays (or null), $directDealsConflict, $enforceTerritory, $duplicateCustomersAsOne, $attributionModel, $timeDecayHalfLifeDays, $setAt, $setBy, $note (or null).
MERGE (h:PolicyHead {id: 'rules-of-engagement'})
SET h.version = coalesce(h.version, 0) + 1
CREATE (r:RulesOfEngagement {version: h.version, conflictingRoles: $conflictingRoles, directDealsConflict: $directDealsConflict,
                             enforceTerritory: $enforceTerritory, duplicateCustomersAsOne: $duplicateCustomersAsOne,
                             attributionModel: $attributionModel, timeDecayHalfLifeDays: $timeDecayHalfLifeDays,
                             setAt: datetime($setAt), setBy: $setBy})
SET r.protectionWindowDays = $protectionWindowDays, r.note = $note
RETURN r {.version, .conflictingRoles, .protectionWindowDays, .directDealsConflict, .enforceTerritory, .duplicateCustomersAsOne, .attributionModel, .timeDecayHalfLifeDays, .setAt, .setBy, .note} AS rules
