// Expected mutation failures as payload errors: zod issues turned into problems with paths from
// the argument, and a runner that reports ProblemsError (thrown to roll a transaction back) as data.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ProblemsError, type Problem } from '../errors.js';

// The value rules of the API's inputs, in one home: the interchange format (src/interchange/format.ts)
// checks its documents with these same schemas, so the import accepts exactly what the API accepts.

/** The pattern of every entity id: a letter or digit, then up to 127 letters, digits or . _ : - */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Every entity id, here and in the interchange format. */
export const idSchema = z.string().regex(ID_PATTERN, 'must be 1-128 letters, digits or . _ : - and start with a letter or digit');

/** The arguments of the delete mutations: `(id: ID!)`. */
export const IdArgument = z.object({ id: idSchema });

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text that is Unicode: no unpaired UTF-16 surrogate (JSON allows "\uD800"; the database driver's
 * UTF-8 encoding would store it as U+FFFD, so the stored text would differ from the one sent).
 */
export function isWellFormedText(value: string): boolean {
  return !UNPAIRED_SURROGATE.test(value);
}

const wellFormed = [isWellFormedText, 'must be Unicode text (it has an unpaired UTF-16 surrogate)'] as const;

/** The longest name, code and free text (UTF-16 code units, after trimming). */
export const MAX_NAME_LENGTH = 200;
export const MAX_CODE_LENGTH = 200;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_URL_LENGTH = 2048;

/** A display name: trimmed, non-empty, at most 200 characters. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .refine(...wellFormed);

/** A free region or industry code, compared exactly: trimmed, non-empty, at most 200 characters. */
export const codeSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_CODE_LENGTH, `must be at most ${MAX_CODE_LENGTH} characters`)
  .refine(...wellFormed);

/** An absolute http(s) URL of at most 2048 characters; the URL scalar hands over URL objects. */
export const websiteSchema = z.preprocess(
  (v) => (v instanceof URL ? v.toString() : v),
  z
    .url({ protocol: /^https?$/, message: 'must be an http or https URL' })
    .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`),
);

/** A free text (description, category, note): trimmed, at most 2000 characters. */
export const textSchema = z
  .string()
  .trim()
  .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)
  .refine(...wellFormed);

/** An optional text that null clears. */
export const optionalTextSchema = textSchema.nullable().optional();

/** A fresh id for an entity created without one, e.g. partner-3f9a1c2b. */
export function generateId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Zod issues as BAD_USER_INPUT problems, with paths starting at the argument (e.g. ["input", "name"]). */
export function problemsFromIssues(error: z.ZodError, base: string[]): Problem[] {
  return error.issues.map((issue) => ({
    path: [...base, ...issue.path.map(String)],
    message: issue.message,
    code: 'BAD_USER_INPUT' as const,
  }));
}

export interface Outcome<T> {
  value: T | null;
  errors: Problem[];
}

/**
 * Validates `args` with `schema` (problems under `base`), then runs `work` with the parsed value;
 * a ProblemsError from the work (the transaction rolled back) becomes the payload's errors.
 */
export async function attempt<S extends z.ZodType, T>(
  schema: S,
  args: unknown,
  base: string[],
  work: (input: z.output<S>) => Promise<T>,
): Promise<Outcome<T>> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) return { value: null, errors: problemsFromIssues(parsed.error, base) };
  try {
    return { value: await work(parsed.data), errors: [] };
  } catch (err) {
    if (err instanceof ProblemsError) return { value: null, errors: err.problems };
    throw err;
  }
}

/** The one row a write returns, or a NOT_FOUND problem at `path` (rolling the transaction back). */
export function onlyRow<R>(rows: R[], path: string[], what: string, id: string): R {
  const row = rows[0];
  if (row === undefined) throw new ProblemsError([notFound(path, what, id)]);
  return row;
}

/** Only the keys the input gave (absent = unchanged); `SET n += $changes` removes those given as null. */
export function changesOf<T extends Record<string, unknown>>(input: T, except: (keyof T)[] = ['id']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && !except.includes(k)));
}

/** Ids for a message: the first `max` joined by commas, then "and N more" (e.g. "d1, d2 and 3 more"). */
export function listIds(ids: readonly string[], total: number = ids.length, max = 10): string {
  const shown = ids.slice(0, max).join(', ');
  return total > Math.min(ids.length, max) ? `${shown} and ${total - Math.min(ids.length, max)} more` : shown;
}

export function notFound(path: string[], what: string, id: string): Problem {
  return { path, message: `No ${what} with id ${JSON.stringify(id)}`, code: 'NOT_FOUND' };
}
