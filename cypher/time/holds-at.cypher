// holds-at(r, $asOf): whether relationship r (a current HAS_ACCOUNT, HAS_CAPABILITY, INTEGRATES_WITH, SHARES_WITH or
// MEMBER_OF, or an ended HAD_* one) holds at the instant $asOf: since <= $asOf < until, a missing since meaning
// "always before" and a missing until "still holds" (ecosystem-format.md, "Validity in time"; README, "Time").
((r.since IS NULL OR r.since <= $asOf) AND (r.until IS NULL OR r.until > $asOf))
