// Full-text search over names: prefix, one typo, every kind in the union, and no syntax errors
// whatever the user types.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, runOperation } from './support/api.js';
import { fillSearchNames } from '../src/search/search-name.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('search');
// A made-up word per run, so only this test's nodes match it.
const word = Array.from({ length: 9 }, () => String.fromCharCode(97 + randomInt(26))).join('');
const Word = word[0]!.toUpperCase() + word.slice(1);

const SEARCH = `query($text: String!, $first: Int) { search(text: $text, first: $first) { score node {
  __typename ... on Partner { id name } ... on Capability { id name } ... on Customer { id name } ... on Solution { id name } } } }`;

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      partners: [{ id: 'p', name: `${Word} Networks`, types: ['TECHNOLOGY'], tier: 'GOLD' }],
      capabilities: [{ id: 'c', name: `${Word} Routing` }],
      customers: [{ id: 'u', name: `${Word} Bank` }],
      solutions: [{ id: 's', name: `${Word} Edge`, status: 'DRAFT' }],
    }),
  );
  // Written by hand, so the searchNames every door writes are filled in as at start-up.
  await fillSearchNames(db);
  // The full-text index is eventually consistent; wait until it has caught up with the writes.
  await db.runText('CALL db.awaitIndexes(60)');
  for (let i = 0; i < 50; i++) {
    const [row] = await db.runText<{ n: number }>(
      `CALL db.index.fulltext.queryNodes('entity_search_names', $q) YIELD node RETURN count(node) AS n`,
      { q: `${word}*` },
    );
    if (row?.n === 4) break;
    await new Promise((r) => setTimeout(r, 200));
  }
});
afterAll(() => removeByPrefix(db, px));

const hits = async (text: string, first?: number) =>
  (await expectData(db, SEARCH, { text, first })).data.search.map((h: any) => `${h.node.__typename}:${h.node.id}`).sort();

describe('search', () => {
  it('finds every kind by a prefix of the name, resolving the union', async () => {
    expect(await hits(word.slice(0, 5))).toEqual(
      expect.arrayContaining([`Capability:${px}c`, `Customer:${px}u`, `Partner:${px}p`, `Solution:${px}s`]),
    );
    const { data } = await expectData(db, SEARCH, { text: `${Word} netw` });
    expect(data.search[0]).toMatchObject({ node: { __typename: 'Partner', id: `${px}p`, name: `${Word} Networks` } });
    expect(data.search[0].score).toBeGreaterThan(0);
    expect(await hits(`${word} bank`)).toEqual([`Customer:${px}u`]);
  });

  it('finds a name with one typo', async () => {
    const typo = word.slice(0, 4) + (word[4] === 'x' ? 'y' : 'x') + word.slice(5);
    expect(await hits(`${typo} routing`)).toEqual([`Capability:${px}c`]);
    expect(await hits(`${word} rooting`)).toEqual([`Capability:${px}c`]);
  });

  it('limits the hits to first', async () => {
    expect(await hits(word, 2)).toHaveLength(2);
    const tooMany = await runOperation(db, SEARCH, { text: word, first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const none = await runOperation(db, SEARCH, { text: word, first: 0 });
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('survives Lucene syntax in the text', async () => {
    for (const text of ['"', '})', 'AND', 'OR NOT', '*', '?', '~', '\\', '/', `${word}" AND (`, `${word}})*`, '[a TO z]', '-', '', '   ']) {
      const result = await runOperation(db, SEARCH, { text });
      expect(result.errors, `text ${JSON.stringify(text)}`).toBeUndefined();
    }
    expect(await hits(`"${word}" edge})*`)).toEqual([`Solution:${px}s`]);
    // AND is a word here, not an operator: every word must match, and no name has "and".
    expect(await hits(`${word} AND edge`)).toEqual([]);
    expect(await hits('})*')).toEqual([]);
  });
});
