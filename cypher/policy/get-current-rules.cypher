// Returns {rules} for the latest version of the rules of engagement (no row when none was set). No parameters.
MATCH (r:RulesOfEngagement)
RETURN r {.version, .conflictingRoles, .protectionWindowDays, .directDealsConflict, .enforceTerritory, .duplicateCustomersAsOne, .attributionModel, .timeDecayHalfLifeDays, .setAt, .setBy, .note} AS rules
ORDER BY r.version DESC
LIMIT 1
