// The one analysis of search (src/search/search-name.ts), index side and query side: every prefix of
// every word of a name, in every script, case and accent form, is matched by the stored searchName.
import { describe, expect, it } from 'vitest';
import { luceneQuery } from '../src/search/lucene-query.js';
import { foldText, MAX_WORD_LENGTH, ONE_WORD, searchName, textRuns } from '../src/search/search-name.js';

// Words as a user sees them, in many scripts; names are made of them separated by spaces.
const WORDS = [
  '星川製作所',
  '東京スカイツリー',
  '株式会社',
  '华为技术',
  '有限公司',
  'トヨタ自動車',
  'ひらがな',
  'がっこう',
  'บริษัทไทยเบฟเวอเรจ',
  'จำกัด',
  'สยามพิวรรธน์',
  'ກະຊວງ',
  'ព្រះរាជាណាចក្រ',
  'မြန်မာ',
  'हिन्दी',
  'कंपनी',
  'লিমিটেড',
  'தமிழ்நாடு',
  'ગુજરાત',
  'İstanbul',
  'Işık',
  'Türkiye',
  'Société',
  'Générale',
  'Straße',
  'Łódź',
  'Ærø',
  'Việt',
  'Nguyễn',
  'Ñandú',
  'Ελληνική',
  'ΟΔΟΣ',
  'Газпром',
  'Йошкар',
  'ქართული',
  'Հայաստան',
  'שלום',
  'الاتصالات',
  'ﻻ',
  '한국전력공사',
  'ＡＢＣ',
  'ﾄﾖﾀ',
  'ﬁnance',
  'AT&T',
  "O'Reilly",
  'x'.repeat(100),
  'ö'.repeat(70),
];

/** The oracle: a query text matches a name when each of its runs matches, as luceneQuery requires. */
function matches(text: string, name: string): boolean {
  const tokens = searchName(name).split(' ');
  const prefixOfToken = (t: string) => tokens.some((token) => token.startsWith(t));
  return textRuns(text).every(({ words, run }) => words.every(prefixOfToken) || (run !== null && prefixOfToken(run)));
}

function* prefixes(word: string): Generator<string> {
  const points = Array.from(word);
  for (let i = 1; i <= points.length; i++) yield points.slice(0, i).join('');
}

describe('searchName and the query side agree', () => {
  it('every prefix of every word, and the whole name, finds the name', () => {
    for (let i = 0; i < WORDS.length; i++) {
      const name = `${WORDS[i]} ${WORDS[(i * 7 + 3) % WORDS.length]} ${WORDS[(i * 13 + 5) % WORDS.length]}`;
      expect(matches(name, name), name).toBe(true);
      for (const word of name.split(' ')) {
        for (const prefix of prefixes(word)) {
          // A prefix ending inside a letter's marks is not something a user types.
          if (/\p{M}$/u.test(prefix) || textRuns(prefix).length === 0) continue;
          expect(matches(prefix, name), `${JSON.stringify(prefix)} in ${JSON.stringify(name)}`).toBe(true);
          expect(matches(prefix.toUpperCase(), name), `${JSON.stringify(prefix.toUpperCase())} in ${JSON.stringify(name)}`).toBe(true);
        }
      }
    }
  });

  it('folds case, accents, compatibility forms and the Turkish I alike', () => {
    const same = [
      ['İstanbul', 'istanbul', 'ISTANBUL', 'ıstanbul', 'Istanbul'],
      ['Société', 'societe', 'SOCIÉTÉ', 'SOCIETE', 'Socie\u0301te\u0301'],
      ['Straße', 'strasse', 'STRASSE'],
      ['ΟΔΟΣ', 'οδος', 'οδοσ', 'ὁδός'],
      ['ＡＢＣ', 'abc'],
      ['ﾄﾖﾀ', 'トヨタ'],
      ['ﬁnance', 'finance'],
    ];
    for (const forms of same) expect(new Set(forms.map(searchName)), forms.join(' ')).toEqual(new Set([searchName(forms[0]!)]));
  });

  it('keeps the marks that are letters in their script', () => {
    expect(searchName('हिन्दी')).not.toBe(searchName('हनद'));
    expect(searchName('ไม้')).not.toBe(searchName('ไม'));
    expect(searchName('がっこう')).not.toBe(searchName('かっこう'));
  });

  it('cuts words into their script’s words and keeps a multi-word run whole too', () => {
    expect(searchName('星川製作所')).toBe('星川 製作所 星川製作所');
    expect(searchName('บริษัทไทยเบฟเวอเรจ จำกัด').split(' ')).toEqual(expect.arrayContaining(['บริษัท', 'ไทย', foldText('จำกัด')]));
    expect(searchName('  Acme,   Acme!  ')).toBe('acme');
    expect(searchName('!!! ...')).toBe('');
  });

  it('cuts long words to MAX_WORD_LENGTH code points on both sides', () => {
    const long = '𝒳'.repeat(300);
    expect(Array.from(searchName(long)).length).toBe(MAX_WORD_LENGTH);
    expect(luceneQuery(long)).toBe(`${foldText('𝒳').repeat(MAX_WORD_LENGTH)}*`);
  });
});

describe('the fast path for one-word runs', () => {
  it('accepts only runs that Unicode word segmentation leaves whole (every code point checked)', () => {
    const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    let checked = 0;
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const ch = String.fromCodePoint(cp);
      for (const run of [ch, `a${ch}b`, `1${ch}`, `${ch}1`, `a${ch}${ch}`]) {
        if (!ONE_WORD.test(run)) continue;
        checked += 1;
        const segments = [...segmenter.segment(run)];
        expect(segments.length === 1 && segments[0]!.isWordLike, `U+${cp.toString(16)} in ${JSON.stringify(run)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    for (const run of ['Société', 'İstanbul', 'Nguyễn', 'ΟΔΟΣ', 'Газпром', 'x100']) expect(ONE_WORD.test(run), run).toBe(true);
    for (const run of ['AT&T', 'e.g', "o'reilly", '星川', 'ไทย', 'a-b']) expect(ONE_WORD.test(run), run).toBe(false);
  });
});
