// A webhook's event types: `<entityType>.<kind>` as the outbox records them (e.g. `Deal.CREATED`,
// `Account.ENDED`), `<entityType>.*` for every kind of one entity type, `*.<kind>`, or `*` for all.
/** One event type pattern: `*`, or `Type.KIND` where either side may be `*`. */
export const EVENT_TYPE_PATTERN = /^(\*|(\*|[A-Z][A-Za-z]{0,63})\.(\*|[A-Z][A-Z_]{0,63}))$/;

/**
 * Whether a well-formed pattern names only things the outbox records: `entityType` one of `types`, `kind` one of
 * `kinds` (either may be `*`). A typo such as `Deal.CREATD` would otherwise match nothing, silently.
 */
export function namesKnownEventType(pattern: string, types: readonly string[], kinds: readonly string[]): boolean {
  if (pattern === '*') return true;
  const [type, kind] = pattern.split('.');
  return (type === '*' || types.includes(type!)) && (kind === '*' || kinds.includes(kind!));
}

/** Whether a change of `entityType` and `kind` matches any of the patterns. */
export function matchesEventTypes(patterns: readonly string[], entityType: string, kind: string): boolean {
  return patterns.some((p) => {
    if (p === '*') return true;
    const [type, k] = p.split('.');
    return (type === '*' || type === entityType) && (k === '*' || k === kind);
  });
}
