// The user's search text as a safe Lucene query over searchName: the text is analysed exactly as
// names are (src/search/search-name.ts), every term escaped (so quotes, brackets, AND, * and the
// like are plain text, never syntax) and matched by prefix or with one typo.
import { textRuns } from './search-name.js';

/** Characters with a meaning in Lucene's classic query syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Terms shorter than this match by prefix only: one typo in two letters matches nearly anything. */
const MIN_FUZZY_LENGTH = 3;
/** Longer terms match by prefix only (Lucene's typo automaton grows with the term's length). */
const MAX_FUZZY_LENGTH = 32;
/** Words after this many are left out (the first ones already narrow the hits; the query stays small). */
export const MAX_SEARCH_WORDS = 32;
/** Longer texts (in UTF-16 units) are refused as BAD_USER_INPUT (a name has at most 200). */
export const MAX_SEARCH_TEXT_LENGTH = 2000;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (c) => `\\${c}`);
}

function termQuery(folded: string): string {
  const term = escapeLucene(folded);
  const length = Array.from(folded).length;
  return length >= MIN_FUZZY_LENGTH && length <= MAX_FUZZY_LENGTH ? `(${term}* OR ${term}~1)` : `${term}*`;
}

/**
 * Requires every word of the text, each matching a word of the name by prefix or (3 to 32
 * letters) with one typo: `(acme* OR acme~1) AND (clou* OR clou~1)`. A run of several words
 * without spaces (`星川製作所`, `AT&T`) matches either all its words or the run's own prefix.
 * Words are cut to MAX_WORD_LENGTH code points as in searchName, and only the first
 * MAX_SEARCH_WORDS count. Returns null when the text has no letter or digit.
 */
export function luceneQuery(text: string): string | null {
  const clauses: string[] = [];
  let words = 0;
  for (const { words: runWords, run } of textRuns(text)) {
    const kept = runWords.slice(0, MAX_SEARCH_WORDS - words);
    if (kept.length === 0) break;
    words += kept.length;
    const all = kept.map(termQuery).join(' AND ');
    clauses.push(run === null ? all : `((${all}) OR ${escapeLucene(run)}*)`);
  }
  return clauses.length === 0 ? null : clauses.join(' AND ');
}
