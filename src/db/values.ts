// Neo4j values to plain JavaScript, in one place: integers to number when safe and to bigint
// otherwise (money stays exact), temporals to Date, nodes and relationships to their properties.
import neo4j, {
  isDate,
  isDateTime,
  isInt,
  isLocalDateTime,
  isNode,
  isRelationship,
  type Integer,
  type Record as Neo4jRecord,
} from 'neo4j-driver';

/**
 * A value read from Neo4j as plain JavaScript: Integer to number (bigint beyond 2^53), DateTime and LocalDateTime to
 * Date, Date to a Date at midnight UTC, a node or relationship to its properties, null and undefined to null; strings,
 * floats, booleans and other driver values as they are. Lists and maps are converted in place and returned: they are
 * the caller's own, fresh from the driver's decoding of one record (recordsToRows), and copying every
 * list and map was a third of this function's time, and garbage (BENCHMARKS.md, "ecosystemMap depth 2"). Converting a
 * value twice gives the same value.
 */
/**
 * The records of one result as plain rows ({column: toPlain(value)}), in order. Builds each row from the record's keys
 * and values by index instead of the driver's `Record.toObject()`, which walks them through a generator: about 0.17 ms
 * less per 243 records (BENCHMARKS.md, "coSellRecommendations and gapAnalysis").
 */
export function recordsToRows<R>(records: readonly Neo4jRecord[]): R[] {
  const first = records[0];
  if (!first) return [];
  const keys = first.keys as string[];
  const rows = new Array<R>(records.length);
  for (let r = 0; r < records.length; r++) {
    const record = records[r] as Neo4jRecord;
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i] as string] = record.get(i);
    rows[r] = toPlain(row) as R;
  }
  return rows;
}

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, floats and booleans as they are; lists and maps (most of a row) before the type checks, which
  // each look for a marker property: this runs for every value of every row read (BENCHMARKS.md, "Read speed").
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined || (item !== null && typeof item === 'object')) value[i] = toPlain(item);
    }
    return value;
  }
  if (value.constructor === Object) {
    const map = value as Record<string, unknown>;
    for (const k in map) {
      const item = map[k];
      if (item === undefined || (item !== null && typeof item === 'object')) map[k] = toPlain(item);
    }
    return map;
  }
  if (isInt(value)) {
    const i = value as Integer;
    return i.inSafeRange() ? i.toNumber() : BigInt(i.toString());
  }
  if (isDateTime(value as object) || isLocalDateTime(value as object)) {
    return new Date((value as { toString(): string }).toString());
  }
  if (isDate(value as object)) return new Date(`${(value as { toString(): string }).toString()}T00:00:00Z`);
  if (isNode(value as object) || isRelationship(value as object)) {
    return toPlain((value as { properties: Record<string, unknown> }).properties);
  }
  return value;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * Parameters to Neo4j: bigint becomes a Neo4j Integer, Date an ISO string (Cypher wraps it in datetime()).
 * A bigint outside Neo4j's signed 64-bit range throws a RangeError: `neo4j.int` would wrap it silently
 * (2^63 becomes −2^63), and a wrong number must never be stored. Inputs are bounded before this
 * (src/money/money.ts MAX_MINOR), so reaching it is a bug, not a client's error.
 */
export function toParam(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < LONG_MIN || value > LONG_MAX) throw new RangeError(`${value} does not fit a Neo4j integer (signed 64-bit)`);
    return neo4j.int(value.toString());
  }
  if (value instanceof Date) return value.toISOString();
  // Beyond 2^53 a number is a float in all but name, and neo4j.int would clamp it to 2^63 − 1: it goes as a Float.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toParam);
  if (value !== null && typeof value === 'object' && value.constructor === Object) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toParam(v);
    return out;
  }
  return value === undefined ? null : value;
}
