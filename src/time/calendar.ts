// Calendar instants in UTC. `Date.UTC` reads the years 0 to 99 as 1900 to 1999 (ECMA-262 MakeFullYear), so an instant
// in those years built with it lands nineteen centuries later; these build them with setUTCFullYear, which does not.

/**
 * The UTC instant of `year` (any, 0 to 99 included), `month` (0-based; out-of-range values roll over into the
 * neighbouring years, as Date.UTC does), `day` (0 = the previous month's last day) and the time of day.
 */
export function utcInstant(year: number, month: number, day = 1, hours = 0, minutes = 0, seconds = 0, ms = 0): Date {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(hours, minutes, seconds, ms);
  return d;
}
