import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { GeneratedEcosystem, generateEcosystem, mulberry32, PRESETS, writeEcosystemJson } from '../seed/generator.js';
import { checkEcosystemDocument, type EcosystemDocument } from '../src/interchange/format.js';

const tiny = { partners: 40, customers: 300, accountsPerPartner: 10, solutions: 5, deals: 120, capabilities: 60, seed: 7 };

function accountsPerPartner(doc: EcosystemDocument): number[] {
  const counts = new Map<string, number>(doc.partners.map((p) => [p.id, 0]));
  for (const a of doc.accounts.filter((x) => x.until === undefined)) counts.set(a.partnerId, (counts.get(a.partnerId) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => a - b);
}

describe('mulberry32', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });
});

describe('generateEcosystem', () => {
  it('gives the identical document for the same options and seed', () => {
    expect(JSON.stringify(generateEcosystem(tiny))).toBe(JSON.stringify(generateEcosystem(tiny)));
  });

  it('gives a different document for a different seed', () => {
    const a = generateEcosystem(tiny);
    const b = generateEcosystem({ ...tiny, seed: 8 });
    expect(a.partners.map((p) => p.id)).not.toEqual(b.partners.map((p) => p.id));
    expect(a.deals.map((d) => d.amount)).not.toEqual(b.deals.map((d) => d.amount));
  });

  it('makes exactly the requested numbers of entities', () => {
    const doc = generateEcosystem(tiny);
    expect([doc.capabilities.length, doc.partners.length, doc.customers.length, doc.solutions.length, doc.deals.length]).toEqual([
      60, 40, 300, 5, 120,
    ]);
  });

  it('makes a small preset that passes the format check unchanged (already in normal form)', () => {
    const doc = generateEcosystem(PRESETS.small);
    const checked = checkEcosystemDocument(JSON.parse(JSON.stringify(doc)));
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems.slice(0, 5), null, 2));
    expect(checked.doc).toEqual(doc);
  });

  it('gives the small preset a heavy tail of accounts per partner', () => {
    const doc = generateEcosystem(PRESETS.small);
    const counts = accountsPerPartner(doc);
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    const max = counts[counts.length - 1] ?? 0;
    expect(median).toBeGreaterThan(0);
    expect(max).toBeGreaterThanOrEqual(10 * median);
    // The mean lands near the requested accounts per partner despite the tail.
    expect(doc.accounts.length / doc.partners.length).toBeGreaterThan(PRESETS.small.accountsPerPartner * 0.9);
    expect(doc.accounts.length / doc.partners.length).toBeLessThan(PRESETS.small.accountsPerPartner * 1.1);
  });

  it('has the shapes the queries need: multi-role partners, integrations, all lifecycle stages, closed and open deals', () => {
    const doc = generateEcosystem(PRESETS.small);
    expect(doc.partners.some((p) => p.types.length > 1)).toBe(true);
    expect(doc.partners.some((p) => p.types.includes('HYPERSCALER'))).toBe(true);
    expect(doc.partners.some((p) => p.integrations.length > 0)).toBe(true);
    expect(new Set(doc.partners.map((p) => p.lifecycleStage))).toEqual(
      new Set(['PROSPECT', 'ONBOARDING', 'ACTIVE', 'DORMANT', 'OFFBOARDED']),
    );
    expect(new Set(doc.deals.map((d) => d.stage)).size).toBe(6);
    expect(doc.deals.some((d) => d.participants.length > 1)).toBe(true);
    expect(doc.deals.every((d) => d.participants.filter((p) => p.sourced).length <= 1)).toBe(true);
    const parents = new Set(doc.capabilities.flatMap((c) => (c.parentId ? [c.parentId] : [])));
    // A forest at least three deep: some child capabilities have children of their own.
    expect(doc.capabilities.some((c) => c.parentId && parents.has(c.id))).toBe(true);
  });

  it('streams the same document it builds in memory', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const records = await writeEcosystemJson(new GeneratedEcosystem(tiny), out);
    out.end();
    const doc = generateEcosystem(tiny);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual(doc);
    expect(records).toBe(
      doc.capabilities.length + doc.partners.length + doc.customers.length + doc.accounts.length + doc.solutions.length + doc.deals.length,
    );
  });

  it('rejects counts that are not non-negative integers', () => {
    expect(() => generateEcosystem({ ...tiny, partners: -1 })).toThrow(RangeError);
    expect(() => generateEcosystem({ ...tiny, deals: 1.5 })).toThrow(RangeError);
  });
});
