// Returns {count}: creates (tier REGISTERED, stage ACTIVE, no regions or industries) or updates each partner by id with the CRM's fields; its other fields and relationships are untouched. Params: $rows [{id, name, searchName, types, website}].
UNWIND $rows AS row
MERGE (p:Partner {id: row.id})
ON CREATE SET p:Entity
ON CREATE SET p.tier = 'REGISTERED', p.lifecycleStage = 'ACTIVE', p.regions = [], p.industries = []
SET p.name = row.name, p.searchName = row.searchName, p.types = row.types, p.website = row.website
RETURN count(*) AS count
