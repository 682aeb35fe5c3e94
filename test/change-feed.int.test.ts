// The change feed against a brute force (issue 15, README "Events"): a random sequence of mutations, some of which fail
// inside their transaction (NOT_FOUND, CONFLICT) and roll back, is replayed on a model of the graph that says which
// changes each acknowledged write must record. The feed must hold exactly those, once each, in order, and nothing for
// the failed ones: read by the vendor (everything) and by each partner, whose expected feed is the model's changes
// filtered by the README's rules (each grant level: COUNTS, OVERLAPS, FULL) worked out here independently. Then:
// parallel writes get strictly increasing, gap-free sequences in commit order (each change's "before" is the previous
// one's "after"), a rolled-back transaction records nothing, and a write that tracks nothing is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../src/context.js';
import { encodeChangeCursor, lastChangeSequence } from '../src/events/change-feed.js';
import { OutboxError } from '../src/events/outbox.js';
import { ADMIN, expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { prng } from './support/random.js';

const db = testExecutor();
const px = uniquePrefix('feed');
const id = (name: string) => `${px}${name}`;
afterAll(() => removeByPrefix(db, px));

const FEED = `query($after: String, $first: Int, $filter: ChangeFilter) { changes(after: $after, first: $first, filter: $filter) {
  edges { cursor node { sequence cursor at kind entityType entityId actor fields { name before after } } }
  pageInfo { hasNextPage endCursor } } }`;

interface FeedChange {
  sequence: string;
  kind: string;
  entityType: string;
  entityId: string;
  actor: string | null;
  fields: { name: string; before: string | null; after: string | null }[];
}

/** The whole feed after `after` as the viewer sees it, read through the GraphQL query page by page. */
async function readFeed(viewer: Viewer, after: string | null, pageSize = 37): Promise<FeedChange[]> {
  const out: FeedChange[] = [];
  let cursor = after;
  for (;;) {
    const { data } = await expectData(db, FEED, { after: cursor, first: pageSize }, viewer);
    out.push(...data.changes.edges.map((e: { node: FeedChange }) => e.node));
    cursor = data.changes.pageInfo.endCursor;
    if (!data.changes.pageInfo.hasNextPage) return out;
  }
}

async function lastCursor(): Promise<string | null> {
  const last = await lastChangeSequence(db);
  return last === 0n ? null : encodeChangeCursor(last);
}

// ---- the model ------------------------------------------------------------------------------------------------

type Kind = 'CREATED' | 'UPDATED' | 'REMOVED';
interface Expected {
  kind: Kind;
  entityType: string;
  entityId: string;
  /** Fields whose before/after the feed must show (JSON values). */
  fields?: Record<string, [unknown, unknown]>;
  /** Deal changes: the participants when the change was made (a deleted deal's changes are scoped by them). */
  participants?: string[];
}

const ENTITY_TYPES = new Set(['Partner', 'Capability', 'Customer', 'Solution', 'Deal']);

/** The order the outbox records one write's changes in: entities created or updated, relationships, entities deleted. */
function inWriteOrder(changes: Expected[]): Expected[] {
  const rank = (c: Expected) => (!ENTITY_TYPES.has(c.entityType) ? 1 : c.kind === 'REMOVED' ? 2 : 0);
  return [...changes].sort((a, b) => rank(a) - rank(b) || (a.entityType + a.entityId < b.entityType + b.entityId ? -1 : 1));
}

interface DealState {
  customer: string;
  participants: string[];
  stage: string;
}

class Model {
  accounts = new Map<string, string>();
  grants = new Map<string, string>();
  names = new Map<string, string>();
  deals = new Map<string, DealState>();
  expected: Expected[] = [];

  hasAccount(p: string, c: string) {
    return this.accounts.has(`${p}|${c}`);
  }

  /** The README's rules ("Roles and grants"), on the model's final state; a deleted deal's changes by who was on it. */
  visible(v: string, e: Expected): boolean {
    const [a, b] = e.entityId.split('|') as [string, string];
    switch (e.entityType) {
      case 'Partner':
        return true;
      case 'Customer':
        return (
          this.hasAccount(v, a) ||
          [...this.grants].some(([k, level]) => level === 'FULL' && k.endsWith(`|${v}`) && this.hasAccount(k.split('|')[0]!, a)) ||
          [...this.deals.values()].some((d) => d.customer === a && d.participants.includes(v))
        );
      case 'Account': {
        const level = this.grants.get(`${a}|${v}`);
        return a === v || level === 'FULL' || (level === 'OVERLAPS' && this.hasAccount(v, b));
      }
      case 'SharingGrant':
        return a === v || b === v;
      case 'Deal':
      case 'DealCustomer':
      case 'Participation': {
        const dealId = e.entityType === 'Participation' ? b : a;
        const deal = this.deals.get(dealId);
        return deal ? deal.participants.includes(v) : e.participants!.includes(v);
      }
      default:
        throw new Error(`no rule for ${e.entityType}`);
    }
  }
}

const REGISTER = `mutation($i: RegisterDealInput!) { registerDeal(input: $i) { errors { code path } } }`;
const SET_ACCOUNT = `mutation($i: AccountInput!) { setAccount(input: $i) { errors { code path } } }`;
const REMOVE_ACCOUNT = `mutation($i: AccountRemoveInput!) { removeAccount(input: $i) { errors { code path } } }`;
const SET_GRANT = `mutation($i: SharingGrantInput!) { setSharingGrant(input: $i) { errors { code path } } }`;
const REMOVE_GRANT = `mutation($i: SharingGrantRemoveInput!) { removeSharingGrant(input: $i) { errors { code path } } }`;
const UPDATE_CUSTOMER = `mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { errors { code path } } }`;
const CREATE_CUSTOMER = `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { errors { code path } } }`;
const CREATE_PARTNER = `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { errors { code path } } }`;
const UPDATE_STAGE = `mutation($i: UpdateDealStageInput!) { updateDealStage(input: $i) { errors { code path } } }`;
const DELETE_DEAL = `mutation($id: ID!) { deleteDeal(id: $id) { errors { code path } } }`;
const REMOVE_PARTICIPANT = `mutation($i: RemoveDealParticipantInput!) { removeDealParticipant(input: $i) { errors { code path } } }`;

/** Runs a mutation as ADMIN; returns the payload's error codes (empty: acknowledged). */
async function mutate(query: string, variables: Record<string, unknown>): Promise<string[]> {
  const { data } = await expectData(db, query, variables, ADMIN);
  const payload = Object.values(data)[0] as { errors: { code: string }[] };
  return payload.errors.map((e) => e.code);
}

const PARTNERS = ['p0', 'p1', 'p2', 'p3'].map(id);
const CUSTOMERS = ['c0', 'c1', 'c2', 'c3'].map(id);
const STATUSES = ['CUSTOMER', 'OPPORTUNITY', 'PROSPECT'];
const LEVELS = ['COUNTS', 'OVERLAPS', 'FULL'];
const OPEN_STAGES = ['REGISTERED', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'];
const NAMES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin'];

describe('the change feed against a brute force of the writes', () => {
  const model = new Model();
  let start: string | null = null;
  let failed = 0;
  let acknowledged = 0;

  async function op(query: string, variables: Record<string, unknown>, expect: Expected[] | 'FAILS'): Promise<void> {
    const codes = await mutate(query, variables);
    if (expect === 'FAILS') {
      if (codes.length === 0) throw new Error(`expected a failure: ${JSON.stringify(variables)}`);
      failed += 1;
      return;
    }
    if (codes.length > 0) throw new Error(`unexpected errors ${codes.join(', ')}: ${JSON.stringify(variables)}`);
    acknowledged += 1;
    model.expected.push(...inWriteOrder(expect));
  }

  async function setAccount(p: string, c: string, status: string) {
    const key = `${p}|${c}`;
    const was = model.accounts.get(key);
    model.accounts.set(key, status);
    await op(
      SET_ACCOUNT,
      { i: { partnerId: p, customerId: c, status } },
      was === undefined
        ? [{ kind: 'CREATED', entityType: 'Account', entityId: key, fields: { status: [null, status] } }]
        : was === status
          ? []
          : [{ kind: 'UPDATED', entityType: 'Account', entityId: key, fields: { status: [was, status] } }],
    );
  }

  async function setGrant(p: string, q: string, level: string) {
    const key = `${p}|${q}`;
    const was = model.grants.get(key);
    model.grants.set(key, level);
    await op(
      SET_GRANT,
      { i: { partnerId: p, withPartnerId: q, level } },
      was === undefined
        ? [{ kind: 'CREATED', entityType: 'SharingGrant', entityId: key, fields: { level: [null, level] } }]
        : was === level
          ? []
          : [{ kind: 'UPDATED', entityType: 'SharingGrant', entityId: key, fields: { level: [was, level] } }],
    );
  }

  beforeAll(async () => {
    start = await lastCursor();
    const rand = prng(15);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    for (const p of PARTNERS) {
      await op(CREATE_PARTNER, { i: { id: p, name: `Partner ${p}`, types: ['RESELLER'] } }, [
        { kind: 'CREATED', entityType: 'Partner', entityId: p, fields: { name: [null, `Partner ${p}`] } },
      ]);
    }
    for (const c of CUSTOMERS) {
      model.names.set(c, 'Initial');
      await op(CREATE_CUSTOMER, { i: { id: c, name: 'Initial' } }, [
        { kind: 'CREATED', entityType: 'Customer', entityId: c, fields: { name: [null, 'Initial'] } },
      ]);
    }
    let dealNo = 0;
    for (let step = 0; step < 60; step++) {
      const choice = rand();
      const p = pick(PARTNERS);
      const c = pick(CUSTOMERS);
      const dealIds = [...model.deals.keys()];
      if (choice < 0.18) await setAccount(p, c, pick(STATUSES));
      else if (choice < 0.26) {
        const key = `${p}|${c}`;
        const had = model.accounts.delete(key);
        await op(
          REMOVE_ACCOUNT,
          { i: { partnerId: p, customerId: c } },
          had ? [{ kind: 'REMOVED', entityType: 'Account', entityId: key }] : [],
        );
      } else if (choice < 0.38) {
        const q = pick(PARTNERS.filter((x) => x !== p));
        await setGrant(p, q, pick(LEVELS));
      } else if (choice < 0.44) {
        const q = pick(PARTNERS.filter((x) => x !== p));
        const key = `${p}|${q}`;
        const had = model.grants.delete(key);
        await op(
          REMOVE_GRANT,
          { i: { partnerId: p, withPartnerId: q } },
          had ? [{ kind: 'REMOVED', entityType: 'SharingGrant', entityId: key }] : [],
        );
      } else if (choice < 0.54) {
        const name = pick(NAMES);
        const was = model.names.get(c)!;
        model.names.set(c, name);
        await op(
          UPDATE_CUSTOMER,
          { i: { id: c, name } },
          was === name ? [] : [{ kind: 'UPDATED', entityType: 'Customer', entityId: c, fields: { name: [was, name] } }],
        );
      } else if (choice < 0.68) {
        const dealId = id(`d${dealNo++}`);
        const participants = [...new Set([p, pick(PARTNERS)])];
        model.deals.set(dealId, { customer: c, participants, stage: 'REGISTERED' });
        await op(
          REGISTER,
          {
            i: {
              id: dealId,
              name: `Deal ${dealId}`,
              customerId: c,
              amount: '100.00',
              currency: 'USD',
              participants: participants.map((partnerId) => ({ partnerId, role: 'RESELLER' })),
            },
          },
          [
            { kind: 'CREATED', entityType: 'Deal', entityId: dealId, fields: { stage: [null, 'REGISTERED'] }, participants },
            { kind: 'CREATED', entityType: 'DealCustomer', entityId: `${dealId}|${c}`, participants },
            ...participants.map((q) => ({
              kind: 'CREATED' as const,
              entityType: 'Participation',
              entityId: `${q}|${dealId}`,
              participants,
            })),
          ],
        );
      } else if (choice < 0.78 && dealIds.length > 0) {
        const dealId = pick(dealIds);
        const deal = model.deals.get(dealId)!;
        if (deal.stage === 'CLOSED_WON') {
          // Closed: refused inside the transaction (CONFLICT), so nothing is recorded.
          await op(UPDATE_STAGE, { i: { dealId, stage: 'QUALIFIED' } }, 'FAILS');
        } else if (rand() < 0.3) {
          const was = deal.stage;
          deal.stage = 'CLOSED_WON';
          await op(UPDATE_STAGE, { i: { dealId, stage: 'CLOSED_WON', closedAt: new Date().toISOString() } }, [
            {
              kind: 'UPDATED',
              entityType: 'Deal',
              entityId: dealId,
              fields: { stage: [was, 'CLOSED_WON'] },
              participants: deal.participants,
            },
          ]);
        } else {
          const stage = pick(OPEN_STAGES);
          const was = deal.stage;
          deal.stage = stage;
          await op(
            UPDATE_STAGE,
            { i: { dealId, stage } },
            was === stage
              ? []
              : [
                  {
                    kind: 'UPDATED',
                    entityType: 'Deal',
                    entityId: dealId,
                    fields: { stage: [was, stage] },
                    participants: deal.participants,
                  },
                ],
          );
        }
      } else if (choice < 0.84 && dealIds.length > 0) {
        const dealId = pick(dealIds);
        const deal = model.deals.get(dealId)!;
        model.deals.delete(dealId);
        const participants = deal.participants;
        await op(DELETE_DEAL, { id: dealId }, [
          { kind: 'REMOVED', entityType: 'Deal', entityId: dealId, participants },
          { kind: 'REMOVED', entityType: 'DealCustomer', entityId: `${dealId}|${deal.customer}`, participants },
          ...participants.map((q) => ({ kind: 'REMOVED' as const, entityType: 'Participation', entityId: `${q}|${dealId}`, participants })),
        ]);
      } else if (choice < 0.9) {
        // Refused inside the transaction: the customer does not exist (NOT_FOUND).
        await op(SET_ACCOUNT, { i: { partnerId: p, customerId: id('missing'), status: 'CUSTOMER' } }, 'FAILS');
      } else if (choice < 0.95 && dealIds.length > 0) {
        // Refused inside the transaction: the id is taken (CONFLICT) after the customer's locks were taken.
        await op(
          REGISTER,
          {
            i: {
              id: pick(dealIds),
              name: 'Again',
              customerId: c,
              amount: '1.00',
              currency: 'USD',
              participants: [{ partnerId: p, role: 'RESELLER' }],
            },
          },
          'FAILS',
        );
      } else if (dealIds.length > 0) {
        const dealId = pick(dealIds);
        const deal = model.deals.get(dealId)!;
        if (deal.participants.length === 1) {
          // Refused inside the transaction: a deal keeps one participant (CONFLICT).
          await op(REMOVE_PARTICIPANT, { i: { dealId, partnerId: deal.participants[0] } }, 'FAILS');
        }
      }
    }
    // Each grant level towards p0, and accounts for them to matter.
    for (const [p, c] of [
      ['p0', 'c0'],
      ['p1', 'c0'],
      ['p1', 'c1'],
      ['p2', 'c0'],
      ['p2', 'c2'],
      ['p3', 'c0'],
      ['p3', 'c3'],
    ] as const) {
      if (!model.hasAccount(id(p), id(c))) await setAccount(id(p), id(c), 'CUSTOMER');
    }
    await setGrant(id('p1'), id('p0'), 'FULL');
    await setGrant(id('p2'), id('p0'), 'OVERLAPS');
    await setGrant(id('p3'), id('p0'), 'COUNTS');
  }, 600_000);

  function check(feed: FeedChange[], expected: Expected[]) {
    const mine = feed.filter((c) => c.entityId.includes(px));
    const shape = (kind: string, type: string, entityId: string) => `${kind} ${type} ${entityId}`;
    expect(mine.map((c) => shape(c.kind === 'DELETED' || c.kind === 'ENDED' ? 'REMOVED' : c.kind, c.entityType, c.entityId))).toEqual(
      expected.map((e) => shape(e.kind, e.entityType, e.entityId)),
    );
    mine.forEach((c, i) => {
      for (const [name, [before, after]] of Object.entries(expected[i]!.fields ?? {})) {
        const field = c.fields.find((f) => f.name === name);
        expect({
          change: shape(c.kind, c.entityType, c.entityId),
          name,
          before: field?.before ?? null,
          after: field?.after ?? null,
        }).toEqual({
          change: shape(c.kind, c.entityType, c.entityId),
          name,
          before: before === null ? null : JSON.stringify(before),
          after: after === null ? null : JSON.stringify(after),
        });
      }
    });
    const sequences = mine.map((c) => BigInt(c.sequence));
    for (let i = 1; i < sequences.length; i++) expect(sequences[i]! > sequences[i - 1]!).toBe(true);
  }

  it('made a sequence worth checking', () => {
    expect(acknowledged).toBeGreaterThan(40);
    expect(failed).toBeGreaterThan(2);
    expect(model.expected.filter((e) => e.kind === 'REMOVED').length).toBeGreaterThan(3);
  });

  it('gives the vendor every acknowledged change exactly once, in order, and nothing of the failed writes', async () => {
    const feed = await readFeed(ADMIN, start);
    check(feed, model.expected);
    expect(feed.filter((c) => c.entityId.includes(px)).every((c) => c.actor === 'test-admin')).toBe(true);
    const manager = await readFeed({ role: 'ALLIANCE_MANAGER', subject: 'am' }, start);
    check(manager, model.expected);
  }, 300_000);

  it.each([0, 1, 2, 3])(
    'gives partner p%i exactly the changes the grants let it see',
    async (n) => {
      const v = PARTNERS[n]!;
      const feed = await readFeed({ role: 'PARTNER', subject: `user-of-${v}`, partnerId: v }, start);
      const expected = model.expected.filter((e) => model.visible(v, e));
      check(feed, expected);
      expect(feed.every((c) => c.actor === null)).toBe(true);
      // p0 holds a grant of each level: the FULL one shows p1's accounts, OVERLAPS only p2's on p0's customers, COUNTS none.
      if (n === 0) {
        const accounts = new Set(feed.filter((c) => c.entityType === 'Account').map((c) => c.entityId));
        expect(accounts.has(`${id('p1')}|${id('c1')}`)).toBe(true);
        expect(accounts.has(`${id('p2')}|${id('c0')}`)).toBe(true);
        expect(accounts.has(`${id('p2')}|${id('c2')}`)).toBe(model.hasAccount(id('p0'), id('c2')));
        expect([...accounts].some((a) => a.startsWith(`${id('p3')}|`))).toBe(false);
      }
    },
    300_000,
  );

  it('filters by entity type, kind and id with the same scoping', async () => {
    const filter = { entityTypes: ['Account'], kinds: ['CREATED'] };
    const { data } = await expectData(db, FEED, { after: start, first: 100, filter });
    const expected = model.expected.filter((e) => e.entityType === 'Account' && e.kind === 'CREATED');
    check(
      data.changes.edges.map((e: { node: FeedChange }) => e.node),
      expected.slice(0, 100),
    );
    const one = `${id('p1')}|${id('c0')}`;
    const byId = await expectData(db, FEED, { after: start, first: 100, filter: { entityIds: [one] } });
    check(
      byId.data.changes.edges.map((e: { node: FeedChange }) => e.node),
      model.expected.filter((e) => e.entityId === one),
    );
  }, 120_000);
});

describe('sequences under concurrent writes', () => {
  it("are strictly increasing in commit order, without gaps or duplicates among one write's changes", async () => {
    const c = id('race');
    const others = [0, 1, 2, 3, 4, 5].map((n) => id(`race-${n}`));
    for (const x of [c, ...others]) await mutate(CREATE_CUSTOMER, { i: { id: x, name: 'Start' } });
    await mutate(CREATE_PARTNER, { i: { id: id('racer'), name: 'Racer', types: ['MSP'] } });
    const after = await lastCursor();
    const names = Array.from({ length: 8 }, (_, n) => `Name ${n}`);
    // Eight renames of one customer (they serialise on its lock) and six writes elsewhere, all at once.
    const results = await Promise.all([
      ...names.map((name) => mutate(UPDATE_CUSTOMER, { i: { id: c, name } })),
      ...others.map((x) => mutate(SET_ACCOUNT, { i: { partnerId: id('racer'), customerId: x, status: 'PROSPECT' } })),
    ]);
    expect(results.every((codes) => codes.length === 0)).toBe(true);
    const feed = (await readFeed(ADMIN, after, 100)).filter((x) => x.entityId.includes(px));
    expect(feed).toHaveLength(names.length + others.length);
    const sequences = feed.map((x) => BigInt(x.sequence));
    expect(new Set(sequences).size).toBe(sequences.length);
    for (let i = 1; i < sequences.length; i++) expect(sequences[i]! > sequences[i - 1]!).toBe(true);
    // Commit order: in sequence order each rename starts from the name the previous one left.
    const renames = feed.filter((x) => x.entityId === c).map((x) => x.fields.find((f) => f.name === 'name')!);
    expect(renames[0]!.before).toBe(JSON.stringify('Start'));
    for (let i = 1; i < renames.length; i++) expect(renames[i]!.before).toBe(renames[i - 1]!.after);
    const { data } = await expectData(db, `query($id: ID!) { customer(id: $id) { name } }`, { id: c });
    expect(renames[renames.length - 1]!.after).toBe(JSON.stringify(data.customer.name));
    expect(new Set(feed.filter((x) => x.entityType === 'Account').map((x) => x.entityId)).size).toBe(others.length);
  }, 300_000);
});

describe('the outbox in the transaction', () => {
  it('records nothing for a transaction that rolls back after writing', async () => {
    const after = await lastCursor();
    const x = id('rolled-back');
    await expect(
      db.writeTransaction(async (tx) => {
        await tx.track('Customer', [x]);
        await tx.run('customers/upsert-customer', {
          id: x,
          name: 'Never',
          searchName: 'never',
          normalizedName: 'never',
          industry: null,
          region: null,
          segment: null,
          domain: null,
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const feed = await readFeed(ADMIN, after);
    expect(feed.filter((c) => c.entityId === x)).toEqual([]);
    const { data } = await expectData(db, `query($id: ID!) { customer(id: $id) { id } }`, { id: x });
    expect(data.customer).toBeNull();
  }, 120_000);

  it('refuses a write transaction that changed the graph without tracking it, and writes nothing', async () => {
    const x = id('untracked');
    await expect(
      db.writeTransaction((tx) =>
        tx.run('customers/upsert-customer', {
          id: x,
          name: 'Untracked',
          searchName: 'untracked',
          normalizedName: 'untracked',
          industry: null,
          region: null,
          segment: null,
          domain: null,
        }),
      ),
    ).rejects.toBeInstanceOf(OutboxError);
    const { data } = await expectData(db, `query($id: ID!) { customer(id: $id) { id } }`, { id: x });
    expect(data.customer).toBeNull();
  }, 120_000);

  it('refuses a cursor it did not make', async () => {
    const { errors } = await runOperation(db, FEED, { after: 'bm90LWEtY3Vyc29y', first: 5 });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Well formed but past the last change: reading after it would silently skip the changes to come.
    const ahead = await runOperation(db, FEED, { after: encodeChangeCursor((await lastChangeSequence(db)) + 1000n), first: 5 });
    expect([ahead.errors?.[0]?.extensions?.code, ahead.errors?.[0]?.extensions?.path]).toEqual(['BAD_USER_INPUT', ['after']]);
  });
});
