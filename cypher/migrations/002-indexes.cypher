// Migration: the property indexes the queries use (the full-text index is 004's). No parameters.
CREATE INDEX partner_lifecycle IF NOT EXISTS FOR (n:Partner) ON (n.lifecycleStage);
CREATE INDEX partner_tier IF NOT EXISTS FOR (n:Partner) ON (n.tier);
CREATE INDEX customer_region IF NOT EXISTS FOR (n:Customer) ON (n.region);
CREATE INDEX customer_industry IF NOT EXISTS FOR (n:Customer) ON (n.industry);
CREATE INDEX solution_status IF NOT EXISTS FOR (n:Solution) ON (n.status);
CREATE INDEX deal_stage IF NOT EXISTS FOR (n:Deal) ON (n.stage);
CREATE INDEX deal_created IF NOT EXISTS FOR (n:Deal) ON (n.createdAt);
CREATE INDEX deal_closed IF NOT EXISTS FOR (n:Deal) ON (n.closedAt);
CREATE INDEX deal_registration IF NOT EXISTS FOR (n:Deal) ON (n.registrationStatus);
