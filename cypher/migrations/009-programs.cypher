// Migration: partner programs (issue 18, README "Programs and tiers"). A (:Program:Entity {id}) per program, its enrolments (:Enrolment {programId, partnerId}) hung from it by ENROLS (no relationship touches a partner, so partners' degrees and the map are unchanged). No parameters.
CREATE CONSTRAINT program_id IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT enrolment_key IF NOT EXISTS FOR (n:Enrolment) REQUIRE (n.programId, n.partnerId) IS UNIQUE;
CREATE INDEX enrolment_partner IF NOT EXISTS FOR (n:Enrolment) ON (n.partnerId);
