// Migration: the outbox (issue 15). Every committed write records (:Change {sequence, at, kind, entityType, entityId, fields, actor, partnerIds}) in its own transaction (src/events/outbox.ts); sequence is unique and taken from the one counter (:ChangeSequence {id: 'changes'}), whose write lock orders the numbers by commit. at is indexed for retention (the feed reads by sequence, so nothing else is indexed: each index costs every write). No parameters.
CREATE CONSTRAINT change_sequence IF NOT EXISTS FOR (n:Change) REQUIRE n.sequence IS UNIQUE;
CREATE CONSTRAINT change_sequence_counter IF NOT EXISTS FOR (n:ChangeSequence) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
MERGE (s:ChangeSequence {id: 'changes'}) ON CREATE SET s.next = 1, s.purgedThrough = 0;
