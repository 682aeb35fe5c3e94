// Returns {count}: creates each partner (a fresh load: none of these ids exists). Params: $rows [{id, name, searchName, types, tier, lifecycleStage, regions, industries, website}].
UNWIND $rows AS row
CREATE (:Partner:Entity {id: row.id, name: row.name, searchName: row.searchName, types: row.types, tier: row.tier, lifecycleStage: row.lifecycleStage,
                  regions: row.regions, industries: row.industries, website: row.website})
RETURN count(*) AS count
