import { describe, expect, it } from 'vitest';
import { escapeLucene, luceneQuery } from '../src/search/lucene-query.js';

describe('luceneQuery', () => {
  it('matches each word by prefix or one typo, all words required', () => {
    expect(luceneQuery('Acme Clou')).toBe('(acme* OR acme~1) AND (clou* OR clou~1)');
  });

  it('matches short words by prefix only', () => {
    expect(luceneQuery('ab c')).toBe('ab* AND c*');
  });

  it('turns syntax into plain words: quotes, brackets, operators and wildcards', () => {
    expect(luceneQuery('"foo" AND bar})* OR -baz~ NOT')).toBe(
      '(foo* OR foo~1) AND (and* OR and~1) AND (bar* OR bar~1) AND or* AND (baz* OR baz~1) AND (not* OR not~1)',
    );
  });

  it('analyses the text as names are: script words, case and accents folded', () => {
    expect(luceneQuery('Société İSTANBUL')).toBe('(societe* OR societe~1) AND (istanbul* OR istanbul~1)');
    expect(luceneQuery('星川製作所')).toBe('((星川* AND (製作所* OR 製作所~1)) OR 星川製作所*)');
    expect(luceneQuery('AT&T')).toBe('((at* AND t*) OR at\\&t*)');
  });

  it('leaves the typo clause out of words longer than 32 letters', () => {
    expect(luceneQuery('a'.repeat(32))).toBe(`(${'a'.repeat(32)}* OR ${'a'.repeat(32)}~1)`);
    expect(luceneQuery('a'.repeat(33))).toBe(`${'a'.repeat(33)}*`);
    expect(luceneQuery('a'.repeat(2000))).toBe(`${'a'.repeat(64)}*`);
  });

  it('requires only the first 32 words', () => {
    expect(luceneQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))!.split(' AND ')).toHaveLength(32);
  });

  it('returns null when there is no word', () => {
    expect(luceneQuery('  })* "" ')).toBeNull();
  });

  it('escapes every special character', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o',
    );
  });
});
