// The one text analysis of search, used on both sides: the `searchName` property stored with
// every name (indexed by the entity_search_names full-text index with the `unicode_whitespace`
// analyzer, so the index adds no analysis of its own) and the words of a search text.
//
// A name is cut into words by Unicode word segmentation (Intl.Segmenter, ICU: UAX #29 plus
// dictionaries for scripts written without spaces: Thai, Lao, Khmer, Burmese, Chinese, Japanese),
// and every word is folded: NFKD (full-width and compatibility forms to their plain letters),
// lower case, and the accents of Latin, Greek and Cyrillic letters dropped (so `Société`,
// `societe` and `SOCIETE` are one word, and the Turkish `İstanbul`, `istanbul`, `ıstanbul` and
// `ISTANBUL` too). The marks of other scripts (Devanagari vowel signs, Thai tone marks, the
// Japanese voicing marks) are letters of their words there and are kept.
import type { CypherExecutor } from '../db/executor.js';

/** Words are cut to this many code points (Lucene's tokenizers cut at 255 UTF-16 units). */
export const MAX_WORD_LENGTH = 64;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Runs that word segmentation never cuts (UAX #29 keeps letters, their marks and digits together):
 * the usual Latin, Greek and Cyrillic word, which then skips the segmenter (~50 µs a call).
 * test/search-name.test.ts checks every code point against the segmenter.
 */
export const ONE_WORD =
  /^(?:(?=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{L}|[0-9])(?:(?=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Inherited}])[\p{L}\p{M}]|[0-9])*$/u;

/** Combining marks on a Latin, Greek or Cyrillic letter (after NFKD): accents to drop. */
const ACCENT = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*)\p{M}/gu;

/** Letters that NFKD does not decompose but a reader folds to plain ones (as Lucene's ASCIIFoldingFilter does). */
const FOLD: Record<string, string> = {
  ß: 'ss',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ς: 'σ',
};
const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');

/** Cuts a string to at most `max` code points, never inside a surrogate pair. */
function cut(s: string, max: number): string {
  const points = Array.from(s);
  return points.length <= max ? s : points.slice(0, max).join('');
}

/** The folded form of one word or run of text (see the file's comment). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(ACCENT, '')
    .replace(FOLDED, (c) => FOLD[c]!);
}

/**
 * The words of a text, run by run (a run is what lies between white space): each run's folded
 * words in order, cut to MAX_WORD_LENGTH code points, plus the whole folded run when it holds more
 * than one word (`星川製作所`, `AT&T`), so a run is found by its own prefix even where segmenting
 * a part of it cuts differently from the whole. Runs without a letter or digit are left out.
 */
export function textRuns(text: string): { words: string[]; run: string | null }[] {
  const runs: { words: string[]; run: string | null }[] = [];
  for (const chunk of text
    .normalize('NFC')
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/u)) {
    if (chunk === '') continue;
    const pieces = ONE_WORD.test(chunk) ? [chunk] : [...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment);
    const words = pieces.map((w) => cut(foldText(w), MAX_WORD_LENGTH));
    if (words.length === 0) continue;
    runs.push({ words, run: words.length > 1 ? cut(foldText(chunk), MAX_WORD_LENGTH) : null });
  }
  return runs;
}

/**
 * The `searchName` stored beside a name: its folded words and multi-word runs (see textRuns),
 * each once, separated by single spaces. Every door that writes a name writes this with it.
 * Example: `Société Générale` -> `societe generale`; `星川製作所` -> `星川 製作所 星川製作所`.
 */
export function searchName(name: string): string {
  const tokens = new Set<string>();
  for (const { words, run } of textRuns(name)) {
    for (const w of words) tokens.add(w);
    if (run !== null) tokens.add(run);
  }
  return [...tokens].join(' ');
}

/** The changes of an update with the searchName that goes with a changed name. */
export function withSearchName<T extends Record<string, unknown>>(changes: T): T & { searchName?: string } {
  return typeof changes.name === 'string' ? { ...changes, searchName: searchName(changes.name) } : changes;
}

/** Rows per transaction when filling in missing searchNames. */
const FILL_BATCH_SIZE = 10_000;

/**
 * Gives every partner, capability, customer and solution that has a name but no searchName one
 * (a database from before searchName, or nodes written by hand). Run at start-up after the
 * migrations; returns how many were filled.
 */
export async function fillSearchNames(db: CypherExecutor): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.read<{ nodeId: string; name: string }>('search/find-names-without-search-name', { limit: FILL_BATCH_SIZE });
    if (rows.length === 0) return filled;
    await db.writeTransaction(async (tx) => {
      tx.untracked('searchName is derived from the name; the outbox records facts');
      await tx.run('search/set-search-names', { rows: rows.map((r) => ({ nodeId: r.nodeId, searchName: searchName(r.name) })) });
    });
    filled += rows.length;
  }
}
