// Returns {rules} for every version of the rules of engagement, oldest first. No parameters.
MATCH (r:RulesOfEngagement)
RETURN r {.version, .conflictingRoles, .protectionWindowDays, .directDealsConflict, .enforceTerritory, .duplicateCustomersAsOne, .attributionModel, .timeDecayHalfLifeDays, .setAt, .setBy, .note} AS rules
ORDER BY r.version
