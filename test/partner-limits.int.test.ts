// What a partner may decide (README, What a partner may set): a PARTNER's registerDeal cannot choose
// the facts the rules of engagement and credit depend on (id, registration time, stage); nobody
// registers or closes a deal in the future; every answer to a partner about something it cannot see
// equals the answer about something that does not exist; and a PARTNER token stops working when its
// partner is offboarded or deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerAccessCheck } from '../src/auth/partner-access.js';
import { mintToken } from '../src/auth/tokens.js';
import type { Viewer } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { DEFAULT_LIMITS, startApp, type RunningApp } from '../src/server.js';
import { expectData, runOperation } from './support/api.js';
import { graphChecksum, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('plimits');
const id = (name: string) => `${px}${name}`;
const P: Viewer = { role: 'PARTNER', subject: 'partner-limits', partnerId: id('p') };
const MANAGER: Viewer = { role: 'ALLIANCE_MANAGER', subject: 'partner-limits-manager' };
const DAY = 24 * 3600_000;

const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) {
  deal { id stage createdAt registrationStatus participants { partner { id } sourced } } errors { path message code } } }`;
const codesAt = (errors: { path: string[]; code: string }[]) => errors.map((e) => [e.path.join('.'), e.code]);

function dealInput(extra: Record<string, unknown> = {}) {
  return {
    name: 'Mine',
    customerId: id('c-shared'),
    amount: '100.00',
    currency: 'USD',
    participants: [{ partnerId: id('p'), role: 'RESELLER', sourced: true }],
    ...extra,
  };
}

beforeAll(async () => {
  // p and q both know c-shared; only q knows c-hidden; s-hidden is q's solution; d-hidden is q's deal
  // on c-shared, registered a day ago; d-future is an imported deal dated 2099 on c-future.
  await db.runText(
    `CREATE (p:Partner {id: $px + 'p', name: 'P', types: ['RESELLER'], tier: 'GOLD', lifecycleStage: 'ACTIVE', regions: [], industries: []})
     CREATE (q:Partner {id: $px + 'q', name: 'Q', types: ['RESELLER'], tier: 'GOLD', lifecycleStage: 'ACTIVE', regions: [], industries: []})
     CREATE (:Partner {id: $px + 'gone', name: 'Gone', types: ['RESELLER'], tier: 'GOLD', lifecycleStage: 'OFFBOARDED', regions: [], industries: []})
     CREATE (:Partner {id: $px + 'leaving', name: 'Leaving', types: ['RESELLER'], tier: 'GOLD', lifecycleStage: 'DORMANT', regions: [], industries: []})
     CREATE (shared:Customer {id: $px + 'c-shared', name: 'Shared'}), (hidden:Customer {id: $px + 'c-hidden', name: 'Hidden'}),
            (future:Customer {id: $px + 'c-future', name: 'Future'})
     CREATE (p)-[:HAS_ACCOUNT {status: 'CUSTOMER'}]->(shared), (q)-[:HAS_ACCOUNT {status: 'CUSTOMER'}]->(shared),
            (q)-[:HAS_ACCOUNT {status: 'CUSTOMER'}]->(hidden), (p)-[:HAS_ACCOUNT {status: 'CUSTOMER'}]->(future)
     CREATE (s:Solution {id: $px + 's-hidden', name: 'Hidden solution', status: 'PUBLISHED', regions: [], industries: []})<-[:MEMBER_OF {role: 'RESELLER'}]-(q)
     CREATE (d:Deal {id: $px + 'd-hidden', name: 'Q deal', stage: 'QUALIFIED', amountMinor: 500, currency: 'USD',
                     createdAt: datetime($dayAgo), registrationStatus: 'APPROVED'})-[:FOR_CUSTOMER]->(shared)
     CREATE (d)-[:FOR_SOLUTION]->(s)
     CREATE (q)-[:PARTICIPATES_IN {role: 'RESELLER', sourced: true, registeredAt: d.createdAt}]->(d)
     CREATE (f:Deal {id: $px + 'd-future', name: 'Imported', stage: 'QUALIFIED', amountMinor: 500, currency: 'USD',
                     createdAt: datetime('2099-01-01T00:00:00Z'), registrationStatus: 'APPROVED'})-[:FOR_CUSTOMER]->(future)
     CREATE (q)-[:PARTICIPATES_IN {role: 'SERVICES', sourced: false, registeredAt: f.createdAt}]->(f)`,
    { px, dayAgo: new Date(Date.now() - DAY).toISOString() },
    'WRITE',
  );
});
/** Deals registered by the partner get ids from the server (outside the prefix): removed here. */
const generated: string[] = [];
afterAll(async () => {
  await db.runText(
    `MATCH (d:Deal) WHERE d.id IN $ids OPTIONAL MATCH (d)-[:HAS_EVENT]->(e) DETACH DELETE d, e`,
    { ids: generated },
    'WRITE',
  );
  await removeByPrefix(db, px);
});

describe('a partner registering a deal', () => {
  it('may not backdate it to win "first registered wins", nor date it in the future', async () => {
    const before = await graphChecksum(db);
    for (const createdAt of [new Date(Date.now() - 2 * DAY).toISOString(), '2099-01-01T00:00:00Z']) {
      const { data } = await expectData(db, REGISTER, { input: dealInput({ createdAt }) }, P);
      expect(data.registerDeal.deal).toBeNull();
      expect(codesAt(data.registerDeal.errors)).toContainEqual(['input.createdAt', 'FORBIDDEN']);
    }
    expect(await graphChecksum(db)).toEqual(before);
    // Stamped by the server instead, it comes after q's deal and meets the rules.
    const started = Date.now();
    const { data } = await expectData(db, REGISTER, { input: dealInput() }, P);
    expect(data.registerDeal.errors).toEqual([]);
    generated.push(data.registerDeal.deal.id);
    expect(data.registerDeal.deal.registrationStatus).toBe('CONFLICT');
    expect(new Date(data.registerDeal.deal.createdAt).getTime()).toBeGreaterThanOrEqual(started - 1000);
  });

  it('may not register a deal already closed, or at any stage but REGISTERED', async () => {
    const before = await graphChecksum(db);
    const won = await expectData(
      db,
      REGISTER,
      { input: dealInput({ stage: 'CLOSED_WON', closedAt: new Date(Date.now() - 60_000).toISOString() }) },
      P,
    );
    expect(won.data.registerDeal.deal).toBeNull();
    expect(codesAt(won.data.registerDeal.errors)).toEqual([['input.stage', 'FORBIDDEN']]);
    const negotiating = await expectData(db, REGISTER, { input: dealInput({ stage: 'NEGOTIATION' }) }, P);
    expect(codesAt(negotiating.data.registerDeal.errors)).toEqual([['input.stage', 'FORBIDDEN']]);
    expect(await graphChecksum(db)).toEqual(before);
    const registered = await expectData(db, REGISTER, { input: dealInput({ stage: 'REGISTERED', customerId: id('c-future') }) }, P);
    expect(registered.data.registerDeal.errors).toEqual([]);
    generated.push(registered.data.registerDeal.deal.id);
    expect(registered.data.registerDeal.deal.stage).toBe('REGISTERED');
  });

  it('gets a deal id from the server, never chooses one', async () => {
    const { data } = await expectData(db, REGISTER, { input: dealInput({ id: id('my-own-id') }) }, P);
    expect(codesAt(data.registerDeal.errors)).toEqual([['input.id', 'FORBIDDEN']]);
    const again = await expectData(db, REGISTER, { input: dealInput() }, P);
    expect(again.data.registerDeal.deal.id).toMatch(/^deal-[0-9a-f]{8}$/);
    generated.push(again.data.registerDeal.deal.id);
  });
});

describe('dates nobody may choose', () => {
  it('refuses createdAt and closedAt in the future from the vendor too, and keeps history loadable', async () => {
    const before = await graphChecksum(db);
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    const admin = await expectData(db, REGISTER, { input: dealInput({ id: id('a-future'), createdAt: '2099-01-01T00:00:00Z' }) });
    expect(codesAt(admin.data.registerDeal.errors)).toEqual([['input.createdAt', 'BAD_USER_INPUT']]);
    const closed = await expectData(
      db,
      REGISTER,
      { input: dealInput({ id: id('a-closed'), stage: 'CLOSED_WON', closedAt: inAnHour }) },
      MANAGER,
    );
    expect(codesAt(closed.data.registerDeal.errors)).toEqual([['input.closedAt', 'BAD_USER_INPUT']]);
    expect(await graphChecksum(db)).toEqual(before);

    // History: a deal created and won in the past, registered by the vendor.
    const history = await expectData(db, REGISTER, {
      input: dealInput({
        id: id('a-history'),
        customerId: id('c-hidden'),
        createdAt: '2019-03-01T00:00:00Z',
        stage: 'CLOSED_WON',
        closedAt: '2019-06-01T00:00:00Z',
        participants: [{ partnerId: id('q'), role: 'RESELLER' }],
      }),
    });
    expect(history.data.registerDeal.errors).toEqual([]);
    expect(new Date(history.data.registerDeal.deal.createdAt).toISOString()).toBe('2019-03-01T00:00:00.000Z');

    const update = `mutation($input: UpdateDealStageInput!) { updateDealStage(input: $input) { deal { stage } errors { path code } } }`;
    const late = await expectData(db, update, { input: { dealId: id('d-hidden'), stage: 'CLOSED_WON', closedAt: inAnHour } });
    expect(codesAt(late.data.updateDealStage.errors)).toEqual([['input.closedAt', 'BAD_USER_INPUT']]);
    const now = await expectData(db, update, { input: { dealId: id('d-hidden'), stage: 'NEGOTIATION' } });
    expect(now.data.updateDealStage.errors).toEqual([]);
  });

  it('does not let one deal dated in 2099 carry later registrations on its customer into 2099', async () => {
    const started = Date.now();
    const { data } = await expectData(db, REGISTER, {
      input: dealInput({ id: id('after-future'), customerId: id('c-future'), participants: [{ partnerId: id('q'), role: 'SERVICES' }] }),
    });
    expect(data.registerDeal.errors).toEqual([]);
    const createdAt = new Date(data.registerDeal.deal.createdAt).getTime();
    expect(createdAt).toBeGreaterThanOrEqual(started - 1000);
    expect(createdAt).toBeLessThan(Date.now() + 1000);
  });
});

describe('what a partner learns about things it cannot see', () => {
  // Each probe is asked about a hidden id and about a missing one; the answers must be equal once
  // the id itself is replaced, and neither may change the graph.
  const probes: { name: string; query: string; variables: (target: string) => Record<string, unknown> }[] = [
    { name: 'registerDeal id', query: REGISTER, variables: (t) => ({ input: dealInput({ id: t }) }) },
    { name: 'registerDeal customerId', query: REGISTER, variables: (t) => ({ input: dealInput({ customerId: t }) }) },
    { name: 'registerDeal solutionId', query: REGISTER, variables: (t) => ({ input: dealInput({ solutionId: t }) }) },
    { name: 'deal', query: `query($t: ID!) { deal(id: $t) { id } }`, variables: (t) => ({ t }) },
    { name: 'customer', query: `query($t: ID!) { customer(id: $t) { id } }`, variables: (t) => ({ t }) },
    { name: 'solution', query: `query($t: ID!) { solution(id: $t) { id } }`, variables: (t) => ({ t }) },
    {
      name: 'dealAttribution',
      query: `query($t: ID!) { dealAttribution(dealId: $t, model: EVEN) { shares { share { amount } } } }`,
      variables: (t) => ({ t }),
    },
    { name: 'coSellRecommendations', query: `query($t: ID!) { coSellRecommendations(dealId: $t) { score } }`, variables: (t) => ({ t }) },
    {
      name: 'ecosystemMap',
      query: `query($t: ID!) { ecosystemMap(input: {centerId: $t, depth: 2}) { nodes { id } edges { source } truncated } }`,
      variables: (t) => ({ t }),
    },
    {
      name: 'deals by customer',
      query: `query($t: ID!) { deals(filter: {customerId: $t}) { totalCount edges { node { id } } } }`,
      variables: (t) => ({ t }),
    },
    {
      name: 'deals by solution',
      query: `query($t: ID!) { deals(filter: {solutionId: $t}) { totalCount edges { node { id } } } }`,
      variables: (t) => ({ t }),
    },
  ];
  const hidden: Record<string, string> = {
    'registerDeal id': id('d-hidden'),
    'registerDeal customerId': id('c-hidden'),
    'registerDeal solutionId': id('s-hidden'),
    deal: id('d-hidden'),
    customer: id('c-hidden'),
    solution: id('s-hidden'),
    dealAttribution: id('d-hidden'),
    coSellRecommendations: id('d-hidden'),
    ecosystemMap: id('d-hidden'),
    'deals by customer': id('c-hidden'),
    'deals by solution': id('s-hidden'),
  };

  it.each(probes.map((p) => [p.name, p] as const))('%s answers a hidden id as a missing one', async (_name, probe) => {
    const before = await graphChecksum(db);
    const target = hidden[probe.name]!;
    const missing = id('does-not-exist');
    const normalise = (result: { data: unknown; errors?: readonly unknown[] }, t: string) =>
      JSON.parse(
        JSON.stringify({
          data: result.data,
          errors: (result.errors ?? []).map((e: any) => ({ message: e.message, code: e.extensions?.code, path: e.path })),
        }).replaceAll(t, '<id>'),
      );
    const ofHidden = normalise(await runOperation(db, probe.query, probe.variables(target), P), target);
    const ofMissing = normalise(await runOperation(db, probe.query, probe.variables(missing), P), missing);
    expect(ofHidden).toEqual(ofMissing);
    expect(await graphChecksum(db)).toEqual(before);
  });

  it('the vendor still sees the difference', async () => {
    const { data } = await expectData(db, `query($t: ID!) { deal(id: $t) { id } }`, { t: id('d-hidden') }, MANAGER);
    expect(data.deal).toEqual({ id: id('d-hidden') });
  });
});

describe('access ends with the partnership', () => {
  const secret = 'partner-limits-secret-0123456789-0123456789';
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(
      {
        executor: db,
        logger: createLogger('error'),
        auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
        limits: DEFAULT_LIMITS,
      },
      '127.0.0.1',
      0,
    );
  });
  afterAll(() => app.stop());

  async function ask(partnerId: string) {
    const token = await mintToken({ secret, role: 'PARTNER', subject: `limits:${partnerId}`, partnerId, expiresIn: '1h' });
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ health { version } }' }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] },
    };
  }

  it('refuses a PARTNER token whose partner is offboarded or unknown with 401 UNAUTHENTICATED', async () => {
    expect((await ask(id('p'))).status).toBe(200);
    expect((await ask(id('leaving'))).status).toBe(200);
    for (const partnerId of [id('gone'), id('nobody')]) {
      const r = await ask(partnerId);
      expect(r.status, partnerId).toBe(401);
      expect(r.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(r.body.errors?.[0]?.message).toContain('access has ended');
      expect(r.body.data).toBeUndefined();
    }
  });

  it('ends access within the documented bound after offboarding, with one lookup per partner in that time', async () => {
    const ttl = 300;
    const check = createPartnerAccessCheck(db, ttl);
    const viewer: Viewer = { role: 'PARTNER', subject: 'x', partnerId: id('leaving') };
    const trips = db.stats.roundTrips;
    for (let i = 0; i < 20; i++) await check(viewer);
    expect(db.stats.roundTrips - trips).toBe(1);
    await expectData(db, `mutation($id: ID!) { updatePartner(input: {id: $id, lifecycleStage: OFFBOARDED}) { errors { code } } }`, {
      id: id('leaving'),
    });
    await new Promise((resolve) => setTimeout(resolve, ttl + 50));
    await expect(check(viewer)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // Vendor roles need no lookup.
    const before = db.stats.roundTrips;
    await check(MANAGER);
    expect(db.stats.roundTrips).toBe(before);
  });
});
