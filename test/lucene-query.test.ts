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

  it('returns null when there is no word', () => {
    expect(luceneQuery('  })* "" ')).toBeNull();
  });

  it('escapes every special character', () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o');
  });
});
