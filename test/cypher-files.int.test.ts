// Every named Cypher file compiles (EXPLAIN), and the migrations created what they name.
import { describe, expect, inject, it } from 'vitest';
import { statementsOf } from '../src/db/cypher-library.js';
import { testDriver, testExecutor } from './support/db.js';

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

  // The per-partner (and per-node) intelligence queries start from an index seek and never scan a label or every node
  // (get-overlap-access reads one grant inside an expression, with no plan of its own to show).
  const PER_ENTITY = [
    'intelligence/find-partner-matches',
    'intelligence/count-account-overlap',
    'intelligence/list-overlap-customers',
    'intelligence/get-partner-impact',
    'intelligence/get-ecosystem-neighbourhood',
  ];
  async function planOperators(name: string): Promise<string[]> {
    const { summary } = await testDriver().executeQuery(`EXPLAIN ${db.library.get(name).text}`, {}, { database: inject('neo4jDatabase') });
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; children: unknown[] }) => {
      operators.push(plan.operatorType.replace(/@.*$/, ''));
      for (const child of plan.children) walk(child as typeof plan);
    };
    walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
    return operators;
  }
  it.each(PER_ENTITY)('%s plans index seeks, no label scan', async (name) => {
    const operators = await planOperators(name);
    expect(
      operators.filter((o) => /LabelScan|AllNodesScan/.test(o)),
      name,
    ).toEqual([]);
    expect(
      operators.some((o) => /IndexSeek/.test(o)),
      name,
    ).toBe(true);
  });

  it('the whole-ecosystem gap analysis reads customers and the taxonomy through indexes, no label scan', async () => {
    const operators = await planOperators('intelligence/analyse-capability-gaps');
    expect(operators.filter((o) => /LabelScan|AllNodesScan/.test(o))).toEqual([]);
    expect(operators.filter((o) => /Index(Seek|Scan)/.test(o)).length).toBeGreaterThan(3);
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
