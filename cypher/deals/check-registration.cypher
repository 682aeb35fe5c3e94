// Returns one row {customerFound, solutionFound, partnerIds, idKinds, rules}: what a registration reads before it takes its locks (src/deals/deal-registration.ts), in one statement instead of five, each answer as the named file answers it: customerFound, whether customer $customerId exists and the viewer may see it (customers/find-existing-customers); solutionFound, the same for solution $solutionId (solutions/find-existing-solutions; null when $solutionId is null); partnerIds, those of $partnerIds that name partners (partners/find-existing-partners); idKinds, the kinds of entity that already have the deal's id $dealId (relay/get-id-kinds; 'Deal' when a deal has it); rules, the latest version of the rules of engagement (policy/get-current-rules; null when none was set).
// Params: $customerId, $solutionId (or null), $partnerIds, $dealId.
RETURN EXISTS { MATCH (n:Customer {id: $customerId}) WHERE {{scope/customer-visible(n)}} } AS customerFound,
       CASE WHEN $solutionId IS NULL THEN null ELSE EXISTS { MATCH (n:Solution {id: $solutionId}) WHERE {{scope/solution-visible(n)}} } END AS solutionFound,
       [id IN $partnerIds WHERE EXISTS { MATCH (:Partner {id: id}) }] AS partnerIds,
       [kind IN [CASE WHEN EXISTS { MATCH (:Partner {id: $dealId}) } THEN 'Partner' END,
                 CASE WHEN EXISTS { MATCH (:Capability {id: $dealId}) } THEN 'Capability' END,
                 CASE WHEN EXISTS { MATCH (:Customer {id: $dealId}) } THEN 'Customer' END,
                 CASE WHEN EXISTS { MATCH (:Solution {id: $dealId}) } THEN 'Solution' END,
                 CASE WHEN EXISTS { MATCH (:Deal {id: $dealId}) } THEN 'Deal' END,
                 CASE WHEN EXISTS { MATCH (:Program {id: $dealId}) } THEN 'Program' END] WHERE kind IS NOT NULL] AS idKinds,
       head(COLLECT { MATCH (r:RulesOfEngagement)
                      RETURN r {.version, .conflictingRoles, .protectionWindowDays, .directDealsConflict, .enforceTerritory, .duplicateCustomersAsOne, .attributionModel, .timeDecayHalfLifeDays, .setAt, .setBy, .note} AS rules
                      ORDER BY r.version DESC LIMIT 1 }) AS rules
