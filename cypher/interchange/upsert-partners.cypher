// Returns {count}: creates or updates each partner's properties by id (absent fields are removed). Params: $rows [{id, name, searchName, types, tier, lifecycleStage, regions, industries, website}].
UNWIND $rows AS row
MERGE (p:Partner {id: row.id})
SET p:Entity
SET p.name = row.name, p.searchName = row.searchName, p.types = row.types, p.tier = row.tier, p.lifecycleStage = row.lifecycleStage,
    p.regions = row.regions, p.industries = row.industries, p.website = row.website
RETURN count(*) AS count
