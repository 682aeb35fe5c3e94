// partner-filter(p): PartnerFilter's conditions on partner p, one per line as `<parameter>: <condition>`; a root statement ANDs only those whose parameter is set, so a filter on tier can start from the tier index (as relay/count-partners-filtered, which writes each as `$x IS NULL OR ...`).
types: any(t IN p.types WHERE t IN $types)
typesAll: all(t IN $typesAll WHERE t IN p.types)
tiers: p.tier IN $tiers
lifecycleStages: p.lifecycleStage IN $lifecycleStages
region: $region IN p.regions
industry: $industry IN p.industries
regions: any(r IN p.regions WHERE r IN $regions)
industries: any(i IN p.industries WHERE i IN $industries)
nameContains: toLower(p.name) CONTAINS toLower($nameContains)
namePrefix: toLower(p.name) STARTS WITH toLower($namePrefix)
capabilityId: EXISTS { (p)-[:HAS_CAPABILITY]->(:Capability {id: $capabilityId}) }
capabilities: all(want IN $capabilities WHERE EXISTS { MATCH (p)-[h:HAS_CAPABILITY]->(:Capability {id: want.capabilityId}) WHERE CASE h.level WHEN 'EXPERT' THEN 2 WHEN 'CERTIFIED' THEN 1 ELSE 0 END >= want.minRank })
externalSystem: EXISTS { (p)-[:HAS_EXTERNAL_ID]->(:ExternalId {kind: 'Partner', system: $externalSystem, value: $externalValue}) }
