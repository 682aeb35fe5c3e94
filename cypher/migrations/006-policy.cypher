// Migration: the versioned policy (issue 18). One (:PolicyHead {id}) per policy kind is locked and counted by each new version; a (:RulesOfEngagement {version}) node per version, kept. No parameters.
CREATE CONSTRAINT policy_head_id IF NOT EXISTS FOR (n:PolicyHead) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT rules_of_engagement_version IF NOT EXISTS FOR (n:RulesOfEngagement) REQUIRE n.version IS UNIQUE;
