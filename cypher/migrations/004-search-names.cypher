// Migration: full-text search over searchName (the name's words segmented and folded by src/search/search-name.ts) instead of name with the standard analyzer, which cut ideographs one by one and Thai not at all. The analyzer only splits at white space: all other analysis is searchName's. Nodes without a searchName get one at start-up (fillSearchNames). No parameters.
DROP INDEX entity_names IF EXISTS;
CREATE FULLTEXT INDEX entity_search_names IF NOT EXISTS FOR (n:Partner|Capability|Customer|Solution) ON EACH [n.searchName] OPTIONS {indexConfig: {`fulltext.analyzer`: 'unicode_whitespace'}};
