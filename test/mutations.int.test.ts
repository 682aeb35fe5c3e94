// Partner mutations: validation as payload errors, idempotent creates, reference checks, and
// the relationships they write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('mut');

const PARTNER = `id name types tier lifecycleStage regions industries website`;
const CREATE = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { partner { ${PARTNER} } errors { path message code } } }`;
const READ = `query($id: ID!) { partner(id: $id) { ${PARTNER} } }`;

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [{ id: 'cap1', name: 'Cap 1' }],
      customers: [{ id: 'cust1', name: 'Customer 1' }],
      partners: [
        { id: 'b', name: 'B', types: ['TECHNOLOGY'], tier: 'GOLD' },
        { id: 'c', name: 'C', types: ['TECHNOLOGY'], tier: 'GOLD' },
      ],
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

describe('createPartner and updatePartner', () => {
  it('creates with defaults, trims the name, and is idempotent by id', async () => {
    const input = { id: `${px}a`, name: '  Acme  ', types: ['RESELLER', 'SERVICES'], regions: ['EMEA'], website: 'https://acme.example/' };
    const first = await expectData(db, CREATE, { input });
    expect(first.data.createPartner).toEqual({
      partner: {
        id: `${px}a`,
        name: 'Acme',
        types: ['RESELLER', 'SERVICES'],
        tier: 'REGISTERED',
        lifecycleStage: 'ACTIVE',
        regions: ['EMEA'],
        industries: [],
        website: 'https://acme.example/',
      },
      errors: [],
    });
    const again = await expectData(db, CREATE, { input: { id: `${px}a`, name: 'Acme Corp', types: ['RESELLER'], tier: 'GOLD' } });
    expect(again.data.createPartner.partner).toEqual({
      id: `${px}a`,
      name: 'Acme Corp',
      types: ['RESELLER'],
      tier: 'GOLD',
      lifecycleStage: 'ACTIVE',
      regions: [],
      industries: [],
      website: null,
    });
    const [count] = await db.runText<{ n: number }>('MATCH (p:Partner {id: $id}) RETURN count(p) AS n', { id: `${px}a` });
    expect(count?.n).toBe(1);
  });

  it('generates an id with the partner prefix when none is given', async () => {
    const { data } = await expectData(db, CREATE, { input: { name: `${px} generated`, types: ['MSP'] } });
    expect(data.createPartner.partner.id).toMatch(/^partner-[0-9a-f]{8}$/);
    await db.runText('MATCH (p:Partner {id: $id}) DETACH DELETE p', { id: data.createPartner.partner.id }, 'WRITE');
  });

  it('reports bad input as payload errors with paths and writes nothing', async () => {
    const before = await graphFingerprint(db);
    const { data } = await expectData(db, CREATE, { input: { id: 'bad id!', name: '   ', types: [], regions: ['EMEA', ' '] } });
    expect(data.createPartner.partner).toBeNull();
    expect(data.createPartner.errors.map((e: any) => [e.path, e.code])).toEqual([
      [['input', 'id'], 'BAD_USER_INPUT'],
      [['input', 'name'], 'BAD_USER_INPUT'],
      [['input', 'types'], 'BAD_USER_INPUT'],
      [['input', 'regions', '1'], 'BAD_USER_INPUT'],
    ]);
    const long = await expectData(db, CREATE, {
      input: { id: `${px}long`, name: 'x'.repeat(201), types: ['MSP'], website: 'ftp://files.example' },
    });
    expect(long.data.createPartner.errors.map((e: any) => e.path)).toEqual([
      ['input', 'name'],
      ['input', 'website'],
    ]);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('updates only the fields given; null clears the website', async () => {
    await expectData(db, CREATE, {
      input: { id: `${px}u`, name: 'U', types: ['MSP'], industries: ['FINANCE'], website: 'https://u.example/' },
    });
    const { data } = await expectData(
      db,
      `mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { partner { ${PARTNER} } errors { path code } } }`,
      { input: { id: `${px}u`, tier: 'PLATINUM', website: null } },
    );
    expect(data.updatePartner).toEqual({
      partner: {
        id: `${px}u`,
        name: 'U',
        types: ['MSP'],
        tier: 'PLATINUM',
        lifecycleStage: 'ACTIVE',
        regions: [],
        industries: ['FINANCE'],
        website: null,
      },
      errors: [],
    });
    const missing = await expectData(
      db,
      `mutation { updatePartner(input: {id: "${px}nope", name: "X"}) { partner { id } errors { path code } } }`,
    );
    expect(missing.data.updatePartner).toEqual({ partner: null, errors: [{ path: ['input', 'id'], code: 'NOT_FOUND' }] });
    const cleared = await expectData(
      db,
      `mutation { updatePartner(input: {id: "${px}u", name: ""}) { partner { id } errors { path code } } }`,
    );
    expect(cleared.data.updatePartner).toEqual({ partner: null, errors: [{ path: ['input', 'name'], code: 'BAD_USER_INPUT' }] });
    expect((await expectData(db, READ, { id: `${px}u` })).data.partner.name).toBe('U');
  });
});

describe('partner relationships', () => {
  it('sets and removes a capability, checking both references', async () => {
    const set = `mutation($input: PartnerCapabilityInput!) { setPartnerCapability(input: $input) { partner { id capabilities { level capability { id } } } errors { path code } } }`;
    const ok = await expectData(db, set, { input: { partnerId: `${px}b`, capabilityId: `${px}cap1`, level: 'EXPERT' } });
    expect(ok.data.setPartnerCapability).toEqual({
      partner: { id: `${px}b`, capabilities: [{ level: 'EXPERT', capability: { id: `${px}cap1` } }] },
      errors: [],
    });
    const bad = await expectData(db, set, { input: { partnerId: `${px}nobody`, capabilityId: `${px}nothing` } });
    expect(bad.data.setPartnerCapability).toEqual({
      partner: null,
      errors: [
        { path: ['input', 'partnerId'], code: 'NOT_FOUND' },
        { path: ['input', 'capabilityId'], code: 'NOT_FOUND' },
      ],
    });
    const removed = await expectData(
      db,
      `mutation { removePartnerCapability(input: {partnerId: "${px}b", capabilityId: "${px}cap1"}) { partner { capabilities { level } } errors { code } } }`,
    );
    expect(removed.data.removePartnerCapability).toEqual({ partner: { capabilities: [] }, errors: [] });
  });

  it('links an integration once per pair, read from both sides, and unlinks it', async () => {
    const link = `mutation($input: IntegrationInput!) { linkIntegration(input: $input) { partner { id integrations { id } } errors { path code } } }`;
    await expectData(db, link, { input: { partnerId: `${px}c`, otherPartnerId: `${px}b` } });
    const again = await expectData(db, link, { input: { partnerId: `${px}b`, otherPartnerId: `${px}c` } });
    expect(again.data.linkIntegration).toEqual({ partner: { id: `${px}b`, integrations: [{ id: `${px}c` }] }, errors: [] });
    const stored = await db.runText<{ from: string; to: string }>(
      'MATCH (a:Partner)-[:INTEGRATES_WITH]->(b:Partner) WHERE a.id STARTS WITH $px RETURN a.id AS from, b.id AS to',
      { px },
    );
    expect(stored).toEqual([{ from: `${px}b`, to: `${px}c` }]);
    const self = await expectData(db, link, { input: { partnerId: `${px}b`, otherPartnerId: `${px}b` } });
    expect(self.data.linkIntegration.errors).toEqual([{ path: ['input', 'otherPartnerId'], code: 'BAD_USER_INPUT' }]);
    const unlinked = await expectData(
      db,
      `mutation { unlinkIntegration(input: {partnerId: "${px}c", otherPartnerId: "${px}b"}) { partner { integrations { id } } errors { code } } }`,
    );
    expect(unlinked.data.unlinkIntegration).toEqual({ partner: { integrations: [] }, errors: [] });
  });

  it('sets, reads and removes sharing grants', async () => {
    await expectData(
      db,
      `mutation { setSharingGrant(input: {partnerId: "${px}b", withPartnerId: "${px}c", level: OVERLAPS}) { errors { code } } }`,
    );
    const { data } = await expectData(
      db,
      `query { b: partner(id: "${px}b") { sharingGrants { from { id } to { id } level } }
               c: partner(id: "${px}c") { receivedSharingGrants { from { id } to { id } level } } }`,
    );
    const grant = { from: { id: `${px}b` }, to: { id: `${px}c` }, level: 'OVERLAPS' };
    expect(data).toEqual({ b: { sharingGrants: [grant] }, c: { receivedSharingGrants: [grant] } });
    const removed = await expectData(
      db,
      `mutation { removeSharingGrant(input: {partnerId: "${px}b", withPartnerId: "${px}c"}) { partner { sharingGrants { level } } errors { code } } }`,
    );
    expect(removed.data.removeSharingGrant).toEqual({ partner: { sharingGrants: [] }, errors: [] });
  });

  it('sets and removes an account', async () => {
    const set = `mutation($input: AccountInput!) { setAccount(input: $input) { account { status partner { id } customer { id name } } errors { path code } } }`;
    const ok = await expectData(db, set, { input: { partnerId: `${px}b`, customerId: `${px}cust1`, status: 'OPPORTUNITY' } });
    expect(ok.data.setAccount).toEqual({
      account: { status: 'OPPORTUNITY', partner: { id: `${px}b` }, customer: { id: `${px}cust1`, name: 'Customer 1' } },
      errors: [],
    });
    const bad = await expectData(db, set, { input: { partnerId: `${px}b`, customerId: `${px}ghost`, status: 'CUSTOMER' } });
    expect(bad.data.setAccount).toEqual({ account: null, errors: [{ path: ['input', 'customerId'], code: 'NOT_FOUND' }] });
    const read = await expectData(
      db,
      `query { partner(id: "${px}b") { accounts(status: OPPORTUNITY) { status customer { id } } none: accounts(status: PROSPECT) { status } } }`,
    );
    expect(read.data.partner).toEqual({ accounts: [{ status: 'OPPORTUNITY', customer: { id: `${px}cust1` } }], none: [] });
    const removed = await expectData(
      db,
      `mutation { removeAccount(input: {partnerId: "${px}b", customerId: "${px}cust1"}) { account { status } errors { code } } }`,
    );
    expect(removed.data.removeAccount).toEqual({ account: { status: 'OPPORTUNITY' }, errors: [] });
    const twice = await expectData(
      db,
      `mutation { removeAccount(input: {partnerId: "${px}b", customerId: "${px}cust1"}) { account { status } errors { code } } }`,
    );
    expect(twice.data.removeAccount).toEqual({ account: null, errors: [] });
  });

  it('deletes a partner with its relationships', async () => {
    await expectData(db, CREATE, { input: { id: `${px}gone`, name: 'Gone', types: ['MSP'] } });
    await expectData(
      db,
      `mutation { setPartnerCapability(input: {partnerId: "${px}gone", capabilityId: "${px}cap1"}) { errors { code } } }`,
    );
    const del = `mutation($id: ID!) { deletePartner(id: $id) { deletedId errors { path code } } }`;
    expect((await expectData(db, del, { id: `${px}gone` })).data.deletePartner).toEqual({ deletedId: `${px}gone`, errors: [] });
    expect((await expectData(db, del, { id: `${px}gone` })).data.deletePartner).toEqual({ deletedId: null, errors: [] });
    expect((await expectData(db, del, { id: 'no spaces allowed' })).data.deletePartner).toEqual({
      deletedId: null,
      errors: [{ path: ['id'], code: 'BAD_USER_INPUT' }],
    });
    expect((await expectData(db, READ, { id: `${px}gone` })).data.partner).toBeNull();
    expect(
      (await expectData(db, `query { capability(id: "${px}cap1") { partners { partner { id } } } }`)).data.capability.partners,
    ).toEqual([]);
  });
});
