// Every named Cypher file compiles (EXPLAIN), and the migrations created what they name.
import { describe, expect, it } from 'vitest';
import { statementsOf } from '../src/db/cypher-library.js';
import { testExecutor } from './support/db.js';

const db = testExecutor();
const queries = db.library.all().filter((f) => !f.name.startsWith('migrations/'));

describe('cypher files', () => {
  it('there are named queries to check', () => {
    expect(queries.length).toBeGreaterThan(3);
  });

  it.each(queries.map((f) => [f.name, f] as const))('EXPLAIN %s', async (_name, file) => {
    const rows = await db.runText(`EXPLAIN ${file.text}`);
    expect(rows).toEqual([]);
  });

  it('migrations created every constraint and index they name', async () => {
    const named = db.library
      .under('migrations')
      .flatMap((f) => statementsOf(f.text))
      .map((s) => /(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS/.exec(s)?.[1])
      .filter((n): n is string => Boolean(n));
    const constraints = await db.runText<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name');
    const indexes = await db.runText<{ name: string; state: string }>('SHOW INDEXES YIELD name, state RETURN name, state');
    const have = new Set([...constraints, ...indexes].map((r) => r.name));
    expect(named.length).toBeGreaterThan(10);
    for (const name of named) expect(have, name).toContain(name);
    expect(indexes.filter((i) => named.includes(i.name)).every((i) => i.state === 'ONLINE')).toBe(true);
  });
});
