// Integration intervals in GraphQL (issue 14, README "Time"; schema/time-integrations.graphql): Partner.integrationIntervals
// lists each partner's integrations with since and until, the ended ones (HAD_INTEGRATION) with includeEnded, against the
// random histories the as-of tests use (test/support/time-history.ts) as the brute force; node(id) fetches a current
// one again; unlinkIntegration and a new linkIntegration make two intervals.
import { describe, expect, it } from 'vitest';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { prng } from './support/random.js';
import { type History, ms, randomHistory, writeHistory } from './support/time-history.js';

const db = testExecutor();

const INTERVALS = `query($id: ID!) { partner(id: $id) {
  now: integrationIntervals { id partner { id } since until }
  all: integrationIntervals(includeEnded: true) { id partner { id } since until }
  partners: integrations(includeEnded: true) { id } } }`;
const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on PartnerIntegration { partner { id } since until } } }`;

type Interval = { id: string; partner: { id: string }; since: string | null; until: string | null };

/** The brute force: every interval of the history that involves `pid`, seen from it, by other id then since (none first). */
function expectedIntervals(h: History, pid: string): Interval[] {
  return h.integrations
    .filter((i) => i.a === pid || i.b === pid)
    .map((i) => {
      const other = i.a === pid ? i.b : i.a;
      return { id: `PartnerIntegration~${pid}~${other}`, partner: { id: other }, since: i.since, until: i.until };
    })
    .sort((x, y) =>
      x.partner.id !== y.partner.id
        ? x.partner.id < y.partner.id
          ? -1
          : 1
        : (x.since === null ? -Infinity : ms(x.since)) - (y.since === null ? -Infinity : ms(y.since)),
    );
}

/** As a client receives it (datetimes as ISO strings). */
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('Partner.integrationIntervals against the random histories', () => {
  const random = prng(14_0314);
  for (let round = 0; round < 3; round++) {
    it(`random ecosystem with history ${round}`, async () => {
      const px = uniquePrefix(`intiv${round}`);
      const h = randomHistory(random, px);
      try {
        const result = await importEcosystem(db, { formatVersion: 1, ...h.doc });
        if (!result.ok) throw new Error(`fixture rejected: ${JSON.stringify(result.problems)}`);
        await writeHistory(db, h);
        expect(h.integrations.some((i) => i.until !== null)).toBe(true);
        for (const p of h.doc.partners) {
          const expected = expectedIntervals(h, p.id);
          // Integrations are public: a PARTNER viewer (another partner) sees the same.
          const viewer = h.doc.partners[Math.floor(random() * h.doc.partners.length)]!.id;
          for (const asViewer of [undefined, { role: 'PARTNER' as const, subject: `partner:${viewer}`, partnerId: viewer }]) {
            const { data } = await expectData(db, INTERVALS, { id: p.id }, asViewer);
            const got = json(data.partner);
            expect(got.all, `${p.id} with ended`).toEqual(expected);
            expect(got.now, `${p.id} now`).toEqual(expected.filter((i) => i.until === null));
            expect(got.partners.map((x: { id: string }) => x.id)).toEqual([...new Set(expected.map((i) => i.partner.id))]);
          }
          // node(id) fetches the pair's current interval again; a pair whose integrations all ended has none.
          for (const other of new Set(expected.map((i) => i.partner.id))) {
            const nodeId = `PartnerIntegration~${p.id}~${other}`;
            const current = expected.find((i) => i.partner.id === other && i.until === null);
            const { data } = await expectData(db, NODE, { id: nodeId });
            expect(json(data.node), nodeId).toEqual(current ? { __typename: 'PartnerIntegration', ...current } : null);
          }
        }
      } finally {
        await removeByPrefix(db, px);
      }
    }, 300_000);
  }
});

describe('linking again after unlinkIntegration', () => {
  it('makes a second interval; the first keeps its since and gets the until of the unlink', async () => {
    const px = uniquePrefix('intrelink');
    const [a, b] = [`${px}a`, `${px}b`];
    const link = `mutation($input: IntegrationInput!) { linkIntegration(input: $input) { errors { code } } }`;
    const unlink = `mutation($input: IntegrationInput!) { unlinkIntegration(input: $input) { errors { code } } }`;
    try {
      const result = await importEcosystem(db, {
        formatVersion: 1,
        capabilities: [],
        customers: [],
        solutions: [],
        deals: [],
        partners: [a, b].map((id) => ({ id, name: id, types: ['TECHNOLOGY' as const] })),
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const input = { partnerId: a, otherPartnerId: b };
      const t0 = Date.now();
      await expectData(db, link, { input });
      const t1 = Date.now();
      await new Promise((r) => setTimeout(r, 5));
      await expectData(db, unlink, { input });
      const t2 = Date.now();
      await new Promise((r) => setTimeout(r, 5));
      await expectData(db, link, { input });
      const t3 = Date.now();
      const { data } = await expectData(db, INTERVALS, { id: b });
      const all = json(data.partner.all) as Interval[];
      expect(all.map((i) => [i.id, i.partner.id, i.until === null])).toEqual([
        [`PartnerIntegration~${b}~${a}`, a, false],
        [`PartnerIntegration~${b}~${a}`, a, true],
      ]);
      const t = (iso: string | null) => Date.parse(iso!);
      expect(t(all[0]!.since)).toBeGreaterThanOrEqual(t0);
      expect(t(all[0]!.since)).toBeLessThanOrEqual(t1);
      expect(t(all[0]!.until)).toBeGreaterThan(t1);
      expect(t(all[0]!.until)).toBeLessThanOrEqual(t2);
      expect(t(all[1]!.since)).toBeGreaterThan(t2);
      expect(t(all[1]!.since)).toBeLessThanOrEqual(t3);
      expect(json(data.partner.now)).toEqual([all[1]]);
    } finally {
      await removeByPrefix(db, px);
    }
  }, 120_000);
});
