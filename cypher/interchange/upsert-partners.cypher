// Returns {count}: creates or updates each partner's properties by id (absent fields are removed). Params: $rows [{id, name, searchName, types, tier, lifecycleStage, regions, industries, website, stageHistoryStages, stageHistoryAt, tierHistoryTiers, tierHistoryAt}] (histories as parallel lists or null, README "Time").
UNWIND $rows AS row
MERGE (p:Partner {id: row.id})
SET p:Entity
SET p.name = row.name, p.searchName = row.searchName, p.types = row.types, p.tier = row.tier, p.lifecycleStage = row.lifecycleStage,
    p.regions = row.regions, p.industries = row.industries, p.website = row.website,
    p.stageHistoryStages = row.stageHistoryStages, p.stageHistoryAt = [at IN row.stageHistoryAt | datetime(at)],
    p.tierHistoryTiers = row.tierHistoryTiers, p.tierHistoryAt = [at IN row.tierHistoryAt | datetime(at)]
RETURN count(*) AS count
