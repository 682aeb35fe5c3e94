// The time model (issue 14, README "Time"): ending mutations keep the relationship as HAD_* with until, a status or
// level change is two intervals, stage and tier changes append to the histories, deletes take the history with them,
// mergeCustomers moves ended accounts, includeEnded lists them, and current reads do not see them. Also the cypher/time
// fragments evaluated by the database against a brute force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('time');
const id = (s: string) => `${px}${s}`;

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [{ id: 'cap', name: 'Cap' }],
      partners: ['a', 'b', 'c'].map((p) => ({ id: p, name: `Partner ${p}`, types: ['TECHNOLOGY' as const] })),
      customers: ['u1', 'u2', 'u3'].map((u) => ({ id: u, name: `Customer ${u}` })),
      solutions: [{ id: 's', name: 'Solution' }],
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

/** Every relationship of a type between two of this test's nodes, as {type, props} (dates as ISO strings). */
async function relationships(
  from: string,
  to: string,
): Promise<{ type: string; since: string | null; until: string | null; props: Record<string, unknown> }[]> {
  const rows = await db.runText<{ type: string; props: Record<string, unknown> }>(
    'MATCH (x {id: $from})-[r]-(y {id: $to}) RETURN type(r) AS type, properties(r) AS props ORDER BY type, r.since',
    { from: id(from), to: id(to) },
  );
  return rows.map((r) => ({
    type: r.type,
    since: r.props.since instanceof Date ? r.props.since.toISOString() : null,
    until: r.props.until instanceof Date ? r.props.until.toISOString() : null,
    props: Object.fromEntries(Object.entries(r.props).filter(([k]) => k !== 'since' && k !== 'until')),
  }));
}

/** An operation's data as a client receives it (JSON: datetimes as ISO strings). */
async function query(text: string, variables: Record<string, unknown> = {}): Promise<{ data: Record<string, any> }> {
  return { data: JSON.parse(JSON.stringify((await expectData(db, text, variables)).data)) as Record<string, any> };
}

const mutate = (name: string, input: Record<string, unknown>, type: string, selection = 'errors { path code }') =>
  query(`mutation($input: ${type}!) { ${name}(input: $input) { ${selection} } }`, { input });

function within(iso: string | null, before: number, after: number): void {
  expect(iso).not.toBeNull();
  const t = Date.parse(iso!);
  expect(t).toBeGreaterThanOrEqual(before);
  expect(t).toBeLessThanOrEqual(after);
}

describe('ending mutations keep the relationship as HAD_* with until', () => {
  it('setAccount opens an account since now; another status closes it and opens the next; removeAccount closes it', async () => {
    const t0 = Date.now();
    await mutate('setAccount', { partnerId: id('a'), customerId: id('u1'), status: 'PROSPECT' }, 'AccountInput');
    const [opened] = await relationships('a', 'u1');
    expect(opened).toMatchObject({ type: 'HAS_ACCOUNT', until: null, props: { status: 'PROSPECT' } });
    within(opened!.since, t0, Date.now());

    // The same status changes nothing.
    await mutate('setAccount', { partnerId: id('a'), customerId: id('u1'), status: 'PROSPECT' }, 'AccountInput');
    expect(await relationships('a', 'u1')).toEqual([opened]);

    await new Promise((r) => setTimeout(r, 5));
    await mutate('setAccount', { partnerId: id('a'), customerId: id('u1'), status: 'CUSTOMER' }, 'AccountInput');
    const two = await relationships('a', 'u1');
    expect(two.map((r) => [r.type, r.props.status])).toEqual([
      ['HAD_ACCOUNT', 'PROSPECT'],
      ['HAS_ACCOUNT', 'CUSTOMER'],
    ]);
    const [closed, next] = [two.find((r) => r.type === 'HAD_ACCOUNT')!, two.find((r) => r.type === 'HAS_ACCOUNT')!];
    expect(closed.since).toBe(opened!.since);
    expect(closed.until).toBe(next.since);
    expect(Date.parse(closed.until!)).toBeGreaterThan(Date.parse(closed.since!));

    await new Promise((r) => setTimeout(r, 5));
    const removed = await mutate(
      'removeAccount',
      { partnerId: id('a'), customerId: id('u1') },
      'AccountRemoveInput',
      'account { status since until customer { id } } errors { code }',
    );
    expect(removed.data.removeAccount.account).toMatchObject({ status: 'CUSTOMER', since: next.since, customer: { id: id('u1') } });
    const ended = await relationships('a', 'u1');
    expect(ended.map((r) => [r.type, r.props.status])).toEqual([
      ['HAD_ACCOUNT', 'PROSPECT'],
      ['HAD_ACCOUNT', 'CUSTOMER'],
    ]);
    expect(ended[1]!.until).toBe(removed.data.removeAccount.account.until);

    // Current reads do not see it; includeEnded lists both intervals, ordered by customer then since.
    const read = await query(
      `query($p: ID!, $c: ID!) {
        partner(id: $p) { now: accounts { status } all: accounts(includeEnded: true) { status since until customer { id } } }
        customer(id: $c) { now: accounts { status } all: accounts(includeEnded: true) { status since until partner { id } } } }`,
      { p: id('a'), c: id('u1') },
    );
    expect(read.data.partner.now).toEqual([]);
    expect(read.data.customer.now).toEqual([]);
    const expected = ended.map((r) => ({ status: r.props.status, since: r.since, until: r.until }));
    expect(read.data.partner.all.map(({ customer: _c, ...a }: any) => a)).toEqual(expected);
    expect(read.data.customer.all.map(({ partner: _p, ...a }: any) => a)).toEqual(expected);
  });

  it('removePartnerCapability, unlinkIntegration, removeSharingGrant and removeSolutionMember close the relationship', async () => {
    await mutate('setPartnerCapability', { partnerId: id('b'), capabilityId: id('cap'), level: 'BASIC' }, 'PartnerCapabilityInput');
    await mutate('linkIntegration', { partnerId: id('c'), otherPartnerId: id('b') }, 'IntegrationInput');
    await mutate('setSharingGrant', { partnerId: id('b'), withPartnerId: id('c'), level: 'FULL' }, 'SharingGrantInput');
    await mutate('addSolutionMember', { solutionId: id('s'), partnerId: id('b'), role: 'TECHNOLOGY' }, 'SolutionMembershipInput');
    const current = {
      cap: await relationships('b', 'cap'),
      partners: await relationships('b', 'c'),
      member: await relationships('b', 's'),
    };
    expect(current.cap.map((r) => r.type)).toEqual(['HAS_CAPABILITY']);
    expect(current.partners.map((r) => r.type).sort()).toEqual(['INTEGRATES_WITH', 'SHARES_WITH']);
    expect(current.member.map((r) => r.type)).toEqual(['MEMBER_OF']);
    for (const r of [...current.cap, ...current.partners, ...current.member]) expect(r.since).not.toBeNull();

    await new Promise((r) => setTimeout(r, 5));
    const t0 = Date.now();
    await mutate('removePartnerCapability', { partnerId: id('b'), capabilityId: id('cap') }, 'PartnerCapabilityRemoveInput');
    await mutate('unlinkIntegration', { partnerId: id('b'), otherPartnerId: id('c') }, 'IntegrationInput');
    await mutate('removeSharingGrant', { partnerId: id('b'), withPartnerId: id('c') }, 'SharingGrantRemoveInput');
    await mutate('removeSolutionMember', { solutionId: id('s'), partnerId: id('b') }, 'SolutionMembershipRemoveInput');
    const t1 = Date.now();

    const cap = await relationships('b', 'cap');
    expect(cap).toEqual([{ ...current.cap[0], type: 'HAD_CAPABILITY', until: cap[0]!.until }]);
    within(cap[0]!.until, t0, t1);
    const partners = await relationships('b', 'c');
    expect(partners.map((r) => r.type).sort()).toEqual(['HAD_INTEGRATION', 'HAD_SHARING']);
    for (const r of partners) within(r.until, t0, t1);
    // The ended integration keeps its direction (from the smaller id to the larger), the grant its direction too.
    const directions = await db.runText<{ type: string; from: string }>(
      'MATCH (x)-[r:HAD_INTEGRATION|HAD_SHARING]->(:Partner {id: $c}) WHERE x.id = $b RETURN type(r) AS type, x.id AS from ORDER BY type',
      { b: id('b'), c: id('c') },
    );
    expect(directions.map((d) => d.type)).toEqual(['HAD_INTEGRATION', 'HAD_SHARING']);
    const member = await relationships('b', 's');
    expect(member.map((r) => [r.type, r.props.role])).toEqual([['HAD_MEMBERSHIP', 'TECHNOLOGY']]);

    const read = await query(
      `query($b: ID!, $c: ID!, $s: ID!) {
        b: partner(id: $b) {
          capabilities { level } endedCapabilities: capabilities(includeEnded: true) { level since until capability { id } }
          integrations { id } endedIntegrations: integrations(includeEnded: true) { id }
          sharingGrants { level } endedGrants: sharingGrants(includeEnded: true) { level until to { id } }
          solutions { role } endedSolutions: solutions(includeEnded: true) { role until solution { id } }
        }
        c: partner(id: $c) { receivedSharingGrants { level } ended: receivedSharingGrants(includeEnded: true) { level from { id } } }
        s: solution(id: $s) { members { role } ended: members(includeEnded: true) { role since until partner { id } } } }`,
      { b: id('b'), c: id('c'), s: id('s') },
    );
    const b = read.data.b;
    expect([b.capabilities, b.integrations, b.sharingGrants, b.solutions, read.data.c.receivedSharingGrants, read.data.s.members]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(b.endedCapabilities).toEqual([{ level: 'BASIC', since: cap[0]!.since, until: cap[0]!.until, capability: { id: id('cap') } }]);
    expect(b.endedIntegrations).toEqual([{ id: id('c') }]);
    expect(b.endedGrants).toEqual([{ level: 'FULL', until: partners.find((r) => r.type === 'HAD_SHARING')!.until, to: { id: id('c') } }]);
    expect(b.endedSolutions).toEqual([{ role: 'TECHNOLOGY', until: member[0]!.until, solution: { id: id('s') } }]);
    expect(read.data.c.ended).toEqual([{ level: 'FULL', from: { id: id('b') } }]);
    expect(read.data.s.ended).toEqual([{ role: 'TECHNOLOGY', since: member[0]!.since, until: member[0]!.until, partner: { id: id('b') } }]);

    // Removing again finds nothing current: nothing changes.
    await mutate('removePartnerCapability', { partnerId: id('b'), capabilityId: id('cap') }, 'PartnerCapabilityRemoveInput');
    expect(await relationships('b', 'cap')).toEqual(cap);
  });

  it('a level or role change closes one interval and opens the next; the same value changes nothing', async () => {
    await mutate('setPartnerCapability', { partnerId: id('c'), capabilityId: id('cap'), level: 'BASIC' }, 'PartnerCapabilityInput');
    await mutate('setSharingGrant', { partnerId: id('c'), withPartnerId: id('a'), level: 'COUNTS' }, 'SharingGrantInput');
    await mutate('addSolutionMember', { solutionId: id('s'), partnerId: id('c'), role: 'TECHNOLOGY' }, 'SolutionMembershipInput');
    const before = [await relationships('c', 'cap'), await relationships('c', 'a'), await relationships('c', 's')];
    await mutate('setPartnerCapability', { partnerId: id('c'), capabilityId: id('cap'), level: 'BASIC' }, 'PartnerCapabilityInput');
    await mutate('setSharingGrant', { partnerId: id('c'), withPartnerId: id('a'), level: 'COUNTS' }, 'SharingGrantInput');
    await mutate('addSolutionMember', { solutionId: id('s'), partnerId: id('c'), role: 'TECHNOLOGY' }, 'SolutionMembershipInput');
    expect([await relationships('c', 'cap'), await relationships('c', 'a'), await relationships('c', 's')]).toEqual(before);

    await new Promise((r) => setTimeout(r, 5));
    await mutate('setPartnerCapability', { partnerId: id('c'), capabilityId: id('cap'), level: 'EXPERT' }, 'PartnerCapabilityInput');
    await mutate('setSharingGrant', { partnerId: id('c'), withPartnerId: id('a'), level: 'FULL' }, 'SharingGrantInput');
    await mutate('addSolutionMember', { solutionId: id('s'), partnerId: id('c'), role: 'SERVICES' }, 'SolutionMembershipInput');
    const cap = await relationships('c', 'cap');
    expect(cap.map((r) => [r.type, r.props.level])).toEqual([
      ['HAD_CAPABILITY', 'BASIC'],
      ['HAS_CAPABILITY', 'EXPERT'],
    ]);
    expect(cap[0]!.until).toBe(cap[1]!.since);
    expect((await relationships('c', 'a')).map((r) => [r.type, r.props.level])).toEqual([
      ['HAD_SHARING', 'COUNTS'],
      ['SHARES_WITH', 'FULL'],
    ]);
    const members = await relationships('c', 's');
    expect(members.map((r) => [r.type, r.props.role])).toEqual([
      ['HAD_MEMBERSHIP', 'TECHNOLOGY'],
      ['MEMBER_OF', 'SERVICES'],
    ]);

    // updateSolution's member list: a member left out ends, the others stay as they are.
    await expectData(db, `mutation($input: UpdateSolutionInput!) { updateSolution(input: $input) { errors { code } } }`, {
      input: { id: id('s'), members: [] },
    });
    expect((await relationships('c', 's')).map((r) => r.type)).toEqual(['HAD_MEMBERSHIP', 'HAD_MEMBERSHIP']);
  });
});

describe('stage and tier histories', () => {
  const histories = `query($id: ID!) { partner(id: $id) { lifecycleStage tier stageHistory { stage at } tierHistory { tier at } } }`;

  it('creating a partner starts them; a change appends (value, now); the same value appends nothing', async () => {
    const t0 = Date.now();
    await mutate(
      'createPartner',
      { id: id('h'), name: 'Historic', types: ['RESELLER'], lifecycleStage: 'ONBOARDING' },
      'CreatePartnerInput',
    );
    const created = (await query(histories, { id: id('h') })).data.partner;
    expect(created.stageHistory.map((h: any) => h.stage)).toEqual(['ONBOARDING']);
    expect(created.tierHistory.map((h: any) => h.tier)).toEqual(['REGISTERED']);
    within(created.stageHistory[0].at, t0, Date.now());

    await new Promise((r) => setTimeout(r, 5));
    await mutate('updatePartner', { id: id('h'), lifecycleStage: 'ACTIVE' }, 'UpdatePartnerInput');
    await mutate('updatePartner', { id: id('h'), lifecycleStage: 'ACTIVE', name: 'Historic Ltd' }, 'UpdatePartnerInput');
    await new Promise((r) => setTimeout(r, 5));
    await mutate('updatePartner', { id: id('h'), tier: 'GOLD' }, 'UpdatePartnerInput');
    await new Promise((r) => setTimeout(r, 5));
    await mutate(
      'createPartner',
      { id: id('h'), name: 'Historic', types: ['RESELLER'], lifecycleStage: 'DORMANT', tier: 'GOLD' },
      'CreatePartnerInput',
    );
    const after = (await query(histories, { id: id('h') })).data.partner;
    expect(after.stageHistory.map((h: any) => h.stage)).toEqual(['ONBOARDING', 'ACTIVE', 'DORMANT']);
    expect(after.tierHistory.map((h: any) => h.tier)).toEqual(['REGISTERED', 'GOLD']);
    const ats = after.stageHistory.map((h: any) => Date.parse(h.at));
    expect([...ats].sort((x, y) => x - y)).toEqual(ats);
    expect(new Set(ats).size).toBe(3);
    expect(after.stageHistory.at(-1).stage).toBe(after.lifecycleStage);
    expect(after.tierHistory.at(-1).tier).toBe(after.tier);
  });

  it('stage-at and tier-at answer from the history as a brute force does', async () => {
    const history = (await query(histories, { id: id('h') })).data.partner;
    const instants = [
      Date.parse(history.stageHistory[0].at) - 1000,
      ...history.stageHistory.flatMap((h: any) => [Date.parse(h.at) - 1, Date.parse(h.at), Date.parse(h.at) + 1]),
      Date.now(),
    ];
    const text = db.library.expand(
      'MATCH (p:Partner {id: $id}) UNWIND $ts AS t WITH p, t, datetime(t) AS at RETURN t, {{time/stage-at(p, at)}} AS stage, {{time/tier-at(p, at)}} AS tier',
      'test',
    );
    const rows = await db.runText<{ t: string; stage: string; tier: string }>(text, {
      id: id('h'),
      ts: instants.map((t) => new Date(t).toISOString()),
    });
    const at = (list: { at: string }[], value: (e: any) => string, current: string, t: number) =>
      [...list].reverse().find((e) => Date.parse(e.at) <= t) ? value([...list].reverse().find((e) => Date.parse(e.at) <= t)) : current;
    for (const row of rows) {
      const t = Date.parse(row.t);
      expect(row.stage, row.t).toBe(at(history.stageHistory, (e) => e.stage, history.lifecycleStage, t));
      expect(row.tier, row.t).toBe(at(history.tierHistory, (e) => e.tier, history.tier, t));
    }
    expect(rows.length).toBe(instants.length);
  });

  it('deleting a partner deletes its history and its ended relationships', async () => {
    await mutate('setAccount', { partnerId: id('h'), customerId: id('u3'), status: 'PROSPECT' }, 'AccountInput');
    await new Promise((r) => setTimeout(r, 5));
    await mutate('removeAccount', { partnerId: id('h'), customerId: id('u3') }, 'AccountRemoveInput');
    expect((await relationships('h', 'u3')).map((r) => r.type)).toEqual(['HAD_ACCOUNT']);
    await expectData(db, `mutation { deletePartner(id: "${id('h')}") { deletedId } }`);
    const left = await db.runText<{ n: number }>('MATCH (:Customer {id: $u})<-[r]-() RETURN count(r) AS n', { u: id('u3') });
    expect(left[0]!.n).toBe(0);
  });
});

describe('holds-at', () => {
  it('decides since <= T < until as a brute force does, for every kind of interval', async () => {
    const t = (s: string) => new Date(`2024-0${s}-01T00:00:00.000Z`).toISOString();
    const intervals: { since: string | null; until: string | null }[] = [
      { since: null, until: null },
      { since: t('3'), until: null },
      { since: null, until: t('5') },
      { since: t('3'), until: t('5') },
    ];
    const instants = ['1', '3', '4', '5', '6'].map(t);
    const text = db.library.expand(
      'UNWIND $intervals AS i UNWIND $instants AS at WITH i, at, datetime(at) AS t, {since: datetime(i.since), until: datetime(i.until)} AS r RETURN i, at, {{time/holds-at(r, t)}} AS holds',
      'test',
    );
    const rows = await db.runText<{ i: { since: string | null; until: string | null }; at: string; holds: boolean }>(text, {
      intervals,
      instants,
    });
    expect(rows.length).toBe(intervals.length * instants.length);
    for (const row of rows) {
      const T = Date.parse(row.at);
      const expected = (row.i.since === null || Date.parse(row.i.since) <= T) && (row.i.until === null || T < Date.parse(row.i.until));
      expect(row.holds, JSON.stringify(row)).toBe(expected);
    }
  });
});

describe('mergeCustomers', () => {
  it('moves the ended accounts too', async () => {
    await mutate('setAccount', { partnerId: id('b'), customerId: id('u2'), status: 'PROSPECT' }, 'AccountInput');
    await new Promise((r) => setTimeout(r, 5));
    await mutate('setAccount', { partnerId: id('b'), customerId: id('u2'), status: 'OPPORTUNITY' }, 'AccountInput');
    const before = await relationships('b', 'u2');
    expect(before.map((r) => r.type)).toEqual(['HAD_ACCOUNT', 'HAS_ACCOUNT']);
    await expectData(db, `mutation($input: MergeCustomersInput!) { mergeCustomers(input: $input) { errors { path code } } }`, {
      input: { intoId: id('u3'), fromIds: [id('u2')] },
    });
    expect(await relationships('b', 'u3')).toEqual(before);
  });
});
