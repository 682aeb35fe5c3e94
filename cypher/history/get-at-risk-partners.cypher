// Returns {partner, noRecentDeals, accountsShrinking, capabilityEnded, tierDowngraded} for every partner whose stage at $asOf was ACTIVE and that shows at least one churn signal, most signals first then by id, at most $first (README, "Time"). Windows are half-open: [$from90, $asOf), [$from180, $asOf) and [$from360, $from180). Params: $asOf, $from90, $from180, $from360, $first.
MATCH (p:Partner)
WHERE {{time/stage-at(p, $asOf)}} = 'ACTIVE'
WITH p,
     EXISTS { (p)-[:PARTICIPATES_IN]->(d:Deal) WHERE d.createdAt >= $from180 AND d.createdAt < $asOf } AS recentDeal,
     EXISTS { (p)-[:PARTICIPATES_IN]->(d:Deal) WHERE d.createdAt >= $from360 AND d.createdAt < $from180 } AS earlierDeal,
     COUNT { (p)-[a:HAD_ACCOUNT]->(:Customer) WHERE a.until >= $from90 AND a.until < $asOf } AS accountsEnded,
     COUNT { (p)-[a:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer) WHERE a.since >= $from90 AND a.since < $asOf } AS accountsStarted,
     EXISTS { (p)-[h:HAD_CAPABILITY]->(c:Capability)
              WHERE h.until >= $from90 AND h.until < $asOf
                AND NOT EXISTS { (p)-[held:HAS_CAPABILITY|HAD_CAPABILITY]->(c) WHERE {{time/holds-at(held, $asOf)}} } } AS capabilityEnded,
     [t IN coalesce(p.tierHistoryTiers, []) | CASE t WHEN 'PLATINUM' THEN 3 WHEN 'GOLD' THEN 2 WHEN 'SILVER' THEN 1 ELSE 0 END] AS ranks
WITH p, earlierDeal AND NOT recentDeal AS noRecentDeals, accountsEnded > accountsStarted AS accountsShrinking, capabilityEnded,
     any(i IN range(1, size(ranks) - 1) WHERE p.tierHistoryAt[i] >= $from180 AND p.tierHistoryAt[i] < $asOf AND ranks[i] < ranks[i - 1]) AS tierDowngraded
WITH p, noRecentDeals, accountsShrinking, capabilityEnded, tierDowngraded,
     size([x IN [noRecentDeals, accountsShrinking, capabilityEnded, tierDowngraded] WHERE x]) AS signals
WHERE signals > 0
RETURN p {.id, .name, .types, tier: {{time/tier-at(p, $asOf)}}, lifecycleStage: 'ACTIVE', .regions, .industries, .website} AS partner,
       noRecentDeals, accountsShrinking, capabilityEnded, tierDowngraded
ORDER BY signals DESC, partner.id
LIMIT $first
