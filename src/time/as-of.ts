// The instant an as-of read answers at (README, "Time"): checked once here, passed to Cypher as a DateTime so that it
// compares with the stored since/until/at values (a string would compare with none of them).
import neo4j, { type DateTime } from 'neo4j-driver';
import { BadInputError } from '../errors.js';

/**
 * A request's `asOf` as a Neo4j DateTime in UTC, or null when absent (then the read answers as of now, with today's
 * queries). An instant later than the server's clock is BAD_USER_INPUT at `path`: the graph does not know the future,
 * and the storage refuses future dates for the same reason (time contract). An instant equal to now is accepted.
 */
export function asOfInstant(asOf: Date | null | undefined, path: string[], now: Date = new Date()): DateTime<number> | null {
  if (asOf === null || asOf === undefined) return null;
  if (Number.isNaN(asOf.getTime())) throw new BadInputError('asOf is not a valid date-time', path);
  if (asOf.getTime() > now.getTime()) throw new BadInputError(`asOf ${asOf.toISOString()} lies in the future`, path);
  return utcDateTime(asOf);
}

/** A JavaScript Date as a Neo4j DateTime with offset 0 (millisecond precision). */
export function utcDateTime(date: Date): DateTime<number> {
  return new neo4j.types.DateTime(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds() * 1_000_000,
    0,
  );
}
