// prefixed() (test/support/fixture.ts) against a brute-force oracle on the demo ecosystem: every
// string that is an entity id of the document gets the prefix wherever it occurs (as an id or a
// reference), every other value stays, the input is not changed, and the result still passes the
// importer's checks (so no reference was missed: a missed one would dangle).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEcosystemDocument } from '../src/interchange/format.js';
import { prefixed } from './support/fixture.js';

const text = readFileSync(new URL('../seed/demo-ecosystem.json', import.meta.url), 'utf8');

function leaves(value: unknown, path = '$'): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  return [[path, value]];
}

describe('prefixed', () => {
  it('prefixes every id and every reference of the demo ecosystem, and nothing else', () => {
    const demo = JSON.parse(text);
    const ids = new Set<string>(
      ['capabilities', 'partners', 'customers', 'solutions', 'deals'].flatMap((kind) => demo[kind].map((e: { id: string }) => e.id)),
    );
    const out = prefixed('t-1-', demo);

    expect(JSON.parse(text)).toEqual(demo);
    const before = leaves(demo);
    const after = new Map(leaves(out));
    expect([...after.keys()]).toEqual(before.map(([path]) => path));
    let references = 0;
    for (const [path, value] of before) {
      const isId = typeof value === 'string' && ids.has(value);
      if (isId) references++;
      expect(after.get(path), path).toEqual(isId ? `t-1-${value}` : value);
    }
    expect(references).toBeGreaterThan(ids.size);
    expect(checkEcosystemDocument(out).ok).toBe(true);
  });
});
