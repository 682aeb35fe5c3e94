// mergeCustomers and time (issue 14, README "Time"): a partner's accounts on one customer never overlap in time, so a
// merge that would leave two of them overlapping on the surviving customer is refused (CONFLICT at the fromIds entry,
// naming the partner and both intervals; nothing written). Otherwise every account moves as it was, except that two
// current accounts are joined (the stronger status, the survivor's since). Checked on random small histories of one
// partner on two customers (intervals over a grid of six instants, open bounds included) against a brute force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { prng } from './support/random.js';

const db = testExecutor();
const px = uniquePrefix('tmerge');
const id = (s: string) => `${px}${s}`;
const CASES = 120;

const MERGE = `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { customer { id } errors { path code message } } }`;
const STATUSES = ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'] as const;
const GRID = [1, 2, 3, 4, 5, 6].map((m) => Date.UTC(2024, m, 1));

interface Iv {
  status: string;
  since: number | null;
  until: number | null;
}

/** Up to three non-overlapping intervals in time order over the grid; the first may have no since, the last no until. */
function randomIntervals(random: () => number): Iv[] {
  const k = Math.floor(random() * 4);
  const cuts = GRID.filter(() => random() < 0.6).slice(0, 2 * k);
  const out: Iv[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 2)
    out.push({ status: STATUSES[Math.floor(random() * 3)]!, since: cuts[i]!, until: cuts[i + 1]! });
  if (out.length > 0 && random() < 0.3) out[0]!.since = null;
  if (out.length > 0 && random() < 0.5) out[out.length - 1]!.until = null;
  if (out.length === 0 && random() < 0.3) out.push({ status: 'CUSTOMER', since: random() < 0.5 ? null : GRID[2]!, until: null });
  return out;
}

/** Half-open intervals overlap (a missing bound open). */
const overlaps = (a: Iv, b: Iv) =>
  (a.since === null || b.until === null || a.since < b.until) && (b.since === null || a.until === null || b.since < a.until);

const strongest = (a: string, b: string) => STATUSES.find((s) => s === a || s === b)!;

/** The brute force: the overlapping (incoming, existing) pairs, or the accounts on the survivor after the merge. */
function expectedMerge(into: Iv[], from: Iv[]): { conflicts: [Iv, Iv][] } | { result: Iv[] } {
  const intoCurrent = into.find((x) => x.until === null);
  const fromCurrent = from.find((x) => x.until === null);
  const incoming = from.filter((x) => x.until !== null || !intoCurrent);
  const conflicts = incoming.flatMap((m) => into.filter((k) => overlaps(m, k)).map((k): [Iv, Iv] => [m, k]));
  if (conflicts.length > 0) return { conflicts };
  const kept = into.map((k) => (k === intoCurrent && fromCurrent ? { ...k, status: strongest(k.status, fromCurrent.status) } : k));
  return { result: sorted([...kept, ...incoming]) };
}

const key = (x: Iv) => `${x.since ?? -Infinity}|${x.until ?? Infinity}|${x.status}`;
const sorted = (list: Iv[]) => [...list].sort((a, b) => (a.since ?? -Infinity) - (b.since ?? -Infinity) || key(a).localeCompare(key(b)));

async function accountsOf(partnerId: string, customerId: string): Promise<Iv[]> {
  const rows = await db.runText<{ status: string; since: Date | null; until: Date | null; current: boolean }>(
    `MATCH (:Partner {id: $p})-[r:HAS_ACCOUNT|HAD_ACCOUNT]->(:Customer {id: $c})
     RETURN r.status AS status, r.since AS since, r.until AS until, type(r) = 'HAS_ACCOUNT' AS current`,
    { p: partnerId, c: customerId },
  );
  for (const r of rows) expect(r.current, 'a HAS_ACCOUNT has no until, a HAD_ACCOUNT has one').toBe(r.until === null);
  return sorted(rows.map((r) => ({ status: r.status, since: r.since?.getTime() ?? null, until: r.until?.getTime() ?? null })));
}

const random = prng(14_0613);
const cases = Array.from({ length: CASES }, () => ({ into: randomIntervals(random), from: randomIntervals(random) }));

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      partners: [...cases.keys(), 'x'].map((i) => ({ id: `p${i}`, name: `Partner ${i}`, types: ['RESELLER' as const] })),
      customers: [
        ...[...cases.keys(), 'x'].flatMap((i) => [
          { id: `u${i}`, name: `Into ${i}` },
          { id: `v${i}`, name: `From ${i}` },
        ]),
        { id: 'wx', name: 'Other x' },
      ],
    }),
  );
  const rows = cases.flatMap((c, i) =>
    (['into', 'from'] as const).flatMap((side) =>
      c[side].map((x) => ({
        p: id(`p${i}`),
        c: id(side === 'into' ? `u${i}` : `v${i}`),
        status: x.status,
        since: x.since === null ? null : new Date(x.since).toISOString(),
        until: x.until === null ? null : new Date(x.until).toISOString(),
      })),
    ),
  );
  await db.runText(
    `UNWIND $rows AS r MATCH (p:Partner {id: r.p}), (c:Customer {id: r.c})
     CALL (p, c, r) { WITH * WHERE r.until IS NULL CREATE (p)-[:HAS_ACCOUNT {status: r.status, since: datetime(r.since)}]->(c) }
     CALL (p, c, r) { WITH * WHERE r.until IS NOT NULL CREATE (p)-[:HAD_ACCOUNT {status: r.status, since: datetime(r.since), until: datetime(r.until)}]->(c) }`,
    { rows },
    'WRITE',
  );
});
afterAll(() => removeByPrefix(db, px));

describe('mergeCustomers with account histories', () => {
  it(`refuses exactly the merges that would overlap a partner's accounts, and otherwise moves every interval (${CASES} random cases)`, async () => {
    let refused = 0;
    for (const [i, c] of cases.entries()) {
      const [p, u, v] = [id(`p${i}`), id(`u${i}`), id(`v${i}`)];
      const expected = expectedMerge(c.into, c.from);
      const context = JSON.stringify({ case: i, into: c.into, from: c.from });
      const { data } = await expectData(db, MERGE, { input: { intoId: u, fromIds: [v] } });
      if ('conflicts' in expected) {
        refused++;
        expect(data.mergeCustomers.customer, context).toBeNull();
        expect(
          data.mergeCustomers.errors.map((e: { path: string[]; code: string }) => [e.path, e.code]),
          context,
        ).toEqual(expected.conflicts.map(() => [['input', 'fromIds', '0'], 'CONFLICT']));
        for (const e of data.mergeCustomers.errors) expect(e.message, context).toContain(p);
        // Nothing written: both customers keep their accounts.
        expect(await accountsOf(p, u), context).toEqual(sorted(c.into));
        expect(await accountsOf(p, v), context).toEqual(sorted(c.from));
      } else {
        expect(data.mergeCustomers, context).toEqual({ customer: { id: u }, errors: [] });
        expect(await accountsOf(p, u), context).toEqual(expected.result);
        expect(await accountsOf(p, v), context).toEqual([]);
      }
    }
    // Both outcomes occur often enough to mean something.
    expect(refused).toBeGreaterThan(CASES / 8);
    expect(refused).toBeLessThan(CASES - CASES / 8);
  }, 300_000);

  it('names the fromIds entry that would overlap and writes nothing of the earlier ones', async () => {
    const [p, u, w, v] = [id('px'), id('ux'), id('wx'), id('vx')];
    const at = (m: number) => new Date(GRID[m]!).toISOString();
    await db.runText(
      `MATCH (p:Partner {id: $p}), (u:Customer {id: $u}), (w:Customer {id: $w}), (v:Customer {id: $v})
       CREATE (p)-[:HAS_ACCOUNT {status: 'CUSTOMER', since: datetime($t2)}]->(u),
              (p)-[:HAD_ACCOUNT {status: 'PROSPECT', since: datetime($t0), until: datetime($t1)}]->(w),
              (p)-[:HAD_ACCOUNT {status: 'PROSPECT', since: datetime($t1), until: datetime($t3)}]->(v)`,
      { p, u, w, v, t0: at(0), t1: at(1), t2: at(2), t3: at(3) },
      'WRITE',
    );
    const { data } = await expectData(db, MERGE, { input: { intoId: u, fromIds: [w, v] } });
    expect(data.mergeCustomers.customer).toBeNull();
    expect(data.mergeCustomers.errors).toEqual([
      {
        path: ['input', 'fromIds', '1'],
        code: 'CONFLICT',
        message: `Partner "${p}"'s account PROSPECT [${at(1)}, ${at(3)}) on "${v}" overlaps its account CUSTOMER [${at(2)}, …) on "${u}"; a partner's accounts on one customer may not overlap in time`,
      },
    ]);
    expect(await accountsOf(p, w)).toEqual([{ status: 'PROSPECT', since: GRID[0], until: GRID[1] }]);
    expect(await accountsOf(p, u)).toEqual([{ status: 'CUSTOMER', since: GRID[2], until: null }]);
  });
});
