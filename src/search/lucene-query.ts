// The user's search text as a safe Lucene query: every term escaped (so quotes, brackets, AND,
// * and the like are plain text, never syntax) and matched by prefix or with one typo.

/** Characters with a meaning in Lucene's classic query syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Terms shorter than this match by prefix only: one typo in two letters matches nearly anything. */
const MIN_FUZZY_LENGTH = 3;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

/**
 * Splits the text into words the way the index's standard analyzer does (letters and digits),
 * lower-cases them (so AND, OR and NOT are words, not operators), and requires every word:
 * `(acme* OR acme~1) AND (clou* OR clou~1)`. Returns null when the text has no word.
 */
export function luceneQuery(text: string): string | null {
  const terms = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 16);
  if (terms.length === 0) return null;
  return terms
    .map((raw) => {
      const term = escapeLucene(raw);
      return raw.length >= MIN_FUZZY_LENGTH ? `(${term}* OR ${term}~1)` : `${term}*`;
    })
    .join(' AND ');
}
