// Migration: ids unique across kinds (issue 16, README "Global object identification"). Every entity also carries the shared label Entity, whose uniqueness constraint makes an id name at most one entity of any kind; the writes that create entities add the label. Before this file runs, applyMigrations checks the data with relay/find-id-clashes and stops with the clashing ids listed (src/db/migrate.ts). No parameters.
MATCH (n:Partner) WHERE NOT n:Entity SET n:Entity;
MATCH (n:Capability) WHERE NOT n:Entity SET n:Entity;
MATCH (n:Customer) WHERE NOT n:Entity SET n:Entity;
MATCH (n:Solution) WHERE NOT n:Entity SET n:Entity;
MATCH (n:Deal) WHERE NOT n:Entity SET n:Entity;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
