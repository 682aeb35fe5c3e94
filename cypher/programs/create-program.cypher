// Creates the program (an Entity: its id is unique across kinds); returns {id}. Params: $id, $props (name, partnerType, description, reportingCurrency, rateCurrencies, rates, exclusiveRegions, exclusiveIndustries, levels).
CREATE (g:Program:Entity {id: $id})
SET g += $props
RETURN g.id AS id
