// Scheduled expiry recording (README, "Rules of engagement"): the real entry point (src/main.ts, a child
// process against the test database) records an expired registration on its own, every
// EXPIRY_RECORDING_INTERVAL, as a change in the feed, without anyone calling recordExpiredRegistrations;
// later sweeps record nothing twice. EXPIRY_RECORDING_INTERVAL=0 runs no sweep.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DAY_MS } from '../src/policy/rules.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('expsched');
const id = (name: string) => `${px}${name}`;

const RULES_FIELDS =
  'conflictingRoles protectionWindowDays directDealsConflict enforceTerritory duplicateCustomersAsOne attributionModel timeDecayHalfLifeDays';
const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) { rules { version } errors { path code } } }`;
const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id registrationStatus } errors { path code } } }`;
let previousRules: Record<string, unknown>;

/** Starts src/main.ts against the test database; resolves with its URL once ready. */
async function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      NEO4J_DATABASE: inject('neo4jDatabase'),
      AUTH: 'off',
      SEED_DEMO: 'false',
      PORT: '0',
      NODE_ENV: 'development',
      LOG_LEVEL: 'debug',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const state = { log: '' };
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      state.log += d.toString();
      const m = /API ready at (http:\/\/[^\s]+\/graphql)/.exec(state.log);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited early (${code}):\n${state.log}`)));
  });
  /** How many sweeps have read the candidates so far (each sweep reads them at least once; the debug log names every Cypher file run). */
  const sweeps = () => (state.log.match(/cypher policy\/list-approved-open-deals/g) ?? []).length;
  return { child, url, state, exited, sweeps };
}

async function post(url: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body;
}

const FEED = `query($ids: [String!]!) { changes(first: 100, filter: { entityIds: $ids }) { edges { node { kind entityType entityId actor fields { name before after } } } } }`;

beforeAll(async () => {
  previousRules = (await expectData(db, `{ rulesOfEngagement { ${RULES_FIELDS} } }`)).data.rulesOfEngagement;
  await loadFixture(
    db,
    prefixed(px, {
      partners: [{ id: 'r1', name: `Expiry reseller ${px}`, types: ['RESELLER' as const] }],
      customers: [{ id: 'c1', name: `Expiry customer ${px}` }],
    }),
  );
});

afterAll(async () => {
  await expectData(db, SET_RULES, { input: { ...previousRules, note: 'restored after the scheduled expiry test' } });
  await removeByPrefix(db, px);
});

describe('scheduled expiry recording', () => {
  it('records an expiry as a change on its own, once, dated when the window ended', async () => {
    await expectData(db, SET_RULES, { input: { protectionWindowDays: 1, conflictingRoles: ['RESELLER'], note: 'scheduled expiry test' } });
    const createdAt = Date.now() - 3 * DAY_MS;
    const registered = (
      await expectData(db, REGISTER, {
        input: {
          id: id('deal'),
          name: 'Expiring on schedule',
          customerId: id('c1'),
          amount: '10.00',
          currency: 'EUR',
          createdAt: new Date(createdAt).toISOString(),
          participants: [{ partnerId: id('r1'), role: 'RESELLER' }],
        },
      })
    ).data.registerDeal;
    expect(registered.errors).toEqual([]);
    const stored = async () =>
      (
        await db.runText<{ status: string }>('MATCH (d:Deal {id: $id}) RETURN d.registrationStatus AS status', { id: id('deal') }, 'READ')
      )[0]?.status;
    expect(await stored()).toBe('APPROVED');

    const main = await startMain({ EXPIRY_RECORDING_INTERVAL: '1s' });
    try {
      const statusChanges = async () =>
        ((await post(main.url, FEED, { ids: [id('deal')] })).data?.changes?.edges ?? [])
          .map((e: { node: any }) => e.node)
          .filter((n: any) => n.kind === 'UPDATED' && n.fields.some((f: any) => f.name === 'registrationStatus'));
      await expect
        .poll(async () => (await statusChanges()).length, { timeout: 30_000, interval: 250 })
        .toBe(1)
        .catch(async (err: Error) => {
          throw new Error(
            `${err.message}\nfeed: ${JSON.stringify(await post(main.url, FEED, { ids: [id('deal')] }))}\nthe API's log:\n${main.state.log
              .split('\n')
              .filter((l) => /record-deal-status|WARN|ERROR|INFO/.test(l))
              .slice(-40)
              .join('\n')}`,
          );
        });
      const [change] = await statusChanges();
      expect(change).toMatchObject({ entityType: 'Deal', entityId: id('deal'), actor: 'expiry' });
      expect(change.fields.find((f: any) => f.name === 'registrationStatus')).toEqual({
        name: 'registrationStatus',
        before: '"APPROVED"',
        after: '"EXPIRED"',
      });
      expect(await stored()).toBe('EXPIRED');
      // Two more sweeps after the one that recorded it: nothing recorded twice.
      const seen = main.sweeps();
      await expect.poll(() => main.sweeps(), { timeout: 30_000, interval: 250 }).toBeGreaterThanOrEqual(seen + 2);
      expect(await statusChanges()).toHaveLength(1);
      const history = (await post(main.url, `query($id: ID!) { deal(id: $id) { history { at kind from to actor } } }`, { id: id('deal') }))
        .data.deal.history;
      const events = history.filter((e: { kind: string }) => e.kind === 'STATUS_CHANGED');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ from: 'APPROVED', to: 'EXPIRED' });
      expect(new Date(events[0].at).getTime()).toBe(createdAt + DAY_MS);
      expect(main.state.log).toMatch(/recorded 1 expired registrations/);
      main.child.kill('SIGTERM');
      expect(await main.exited).toBe(0);
    } finally {
      main.child.kill('SIGKILL');
    }
  }, 120_000);

  it('runs no sweep with EXPIRY_RECORDING_INTERVAL=0', async () => {
    await expectData(db, SET_RULES, { input: { protectionWindowDays: 1, note: 'scheduled expiry test, off' } });
    await expectData(db, REGISTER, {
      input: {
        id: id('deal-off'),
        name: 'Not recorded',
        customerId: id('c1'),
        amount: '10.00',
        currency: 'EUR',
        createdAt: new Date(Date.now() - 2 * DAY_MS).toISOString(),
        participants: [{ partnerId: id('r1'), role: 'RESELLER' }],
      },
    });
    const main = await startMain({ EXPIRY_RECORDING_INTERVAL: '0' });
    try {
      // The API answers (so start-up is over) and reads the deal as EXPIRED as of now, yet nothing records it.
      await new Promise((r) => setTimeout(r, 2500));
      const deal = (await post(main.url, `query($id: ID!) { deal(id: $id) { registrationStatus } }`, { id: id('deal-off') })).data.deal;
      expect(deal.registrationStatus).toBe('EXPIRED');
      expect(main.sweeps()).toBe(0);
      const stored = await db.runText<{ status: string }>(
        'MATCH (d:Deal {id: $id}) RETURN d.registrationStatus AS status',
        { id: id('deal-off') },
        'READ',
      );
      expect(stored[0]?.status).toBe('APPROVED');
    } finally {
      main.child.kill('SIGKILL');
    }
  }, 120_000);
});
