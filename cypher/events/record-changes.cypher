// Returns {first, last}: appends $changes (a list of {kind, entityType, entityId, fields (JSON text), partnerIds}) to the outbox as :Change nodes numbered from the one counter, in the calling write transaction. Taking the numbers write-locks the counter until commit, so numbers follow commit order (MATCH then SET: an exclusive lock at once; MERGE's shared-then-exclusive lock would deadlock concurrent writers). {first, last} are null when the counter is missing (events/create-change-counter makes it). The time is read after the lock is taken, so `at` does not go back as the sequence goes up.
// Params: $changes, $actor.
MATCH (s:ChangeSequence {id: 'changes'})
SET s.next = s.next + size($changes)
WITH s.next - size($changes) AS base, datetime.realtime() AS now
UNWIND range(0, size($changes) - 1) AS i
WITH base + i AS sequence, $changes[i] AS c, now
CREATE (:Change {sequence: sequence, at: now, kind: c.kind, entityType: c.entityType, entityId: c.entityId,
                 fields: c.fields, actor: $actor, partnerIds: c.partnerIds})
RETURN min(sequence) AS first, max(sequence) AS last
