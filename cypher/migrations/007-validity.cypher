// Migration: the time model (issue 14, README "Time"). An ended relationship is re-typed HAD_* and keeps since plus until; these relationship property indexes let an as-of plan find the relationships that started or ended around an instant (trends, at-risk, lifecycle) without scanning every relationship of the type. No parameters.
CREATE INDEX had_account_until IF NOT EXISTS FOR ()-[r:HAD_ACCOUNT]-() ON (r.until);
CREATE INDEX had_account_since IF NOT EXISTS FOR ()-[r:HAD_ACCOUNT]-() ON (r.since);
CREATE INDEX has_account_since IF NOT EXISTS FOR ()-[r:HAS_ACCOUNT]-() ON (r.since);
CREATE INDEX had_capability_until IF NOT EXISTS FOR ()-[r:HAD_CAPABILITY]-() ON (r.until);
CREATE INDEX had_capability_since IF NOT EXISTS FOR ()-[r:HAD_CAPABILITY]-() ON (r.since);
CREATE INDEX has_capability_since IF NOT EXISTS FOR ()-[r:HAS_CAPABILITY]-() ON (r.since);
CREATE INDEX had_integration_until IF NOT EXISTS FOR ()-[r:HAD_INTEGRATION]-() ON (r.until);
CREATE INDEX had_integration_since IF NOT EXISTS FOR ()-[r:HAD_INTEGRATION]-() ON (r.since);
CREATE INDEX integrates_with_since IF NOT EXISTS FOR ()-[r:INTEGRATES_WITH]-() ON (r.since);
CREATE INDEX had_sharing_until IF NOT EXISTS FOR ()-[r:HAD_SHARING]-() ON (r.until);
CREATE INDEX had_sharing_since IF NOT EXISTS FOR ()-[r:HAD_SHARING]-() ON (r.since);
CREATE INDEX shares_with_since IF NOT EXISTS FOR ()-[r:SHARES_WITH]-() ON (r.since);
CREATE INDEX had_membership_until IF NOT EXISTS FOR ()-[r:HAD_MEMBERSHIP]-() ON (r.until);
CREATE INDEX had_membership_since IF NOT EXISTS FOR ()-[r:HAD_MEMBERSHIP]-() ON (r.since);
CREATE INDEX member_of_since IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.since);
