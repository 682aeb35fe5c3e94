// Returns {available}: whether Neo4j Graph Data Science is installed (its gds.version function exists). No params.
SHOW FUNCTIONS YIELD name
WHERE name = 'gds.version'
RETURN count(*) > 0 AS available
