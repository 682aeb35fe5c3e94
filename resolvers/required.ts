// A non-null field whose entity vanished between two reads of one request is an internal error,
// not a silent null.
import { InternalError } from '../src/errors.js';

export function required<T>(row: T | null | undefined, kind: string, id: string): T {
  if (row === null || row === undefined) throw new InternalError(`The ${kind} ${JSON.stringify(id)} is missing`);
  return row;
}
