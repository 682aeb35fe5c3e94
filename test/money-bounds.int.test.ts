// Money is bounded where it enters, through the real API and a real Neo4j (issue 11): an amount
// whose minor units do not fit a signed 64-bit integer is BAD_USER_INPUT at input.amount and nothing
// is stored; the largest amounts are stored exactly, and attribution, partner revenue and ecosystem
// health over them are exact (sums beyond 64 bits are not wrapped).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('money');
const id = (name: string) => `${px}${name}`;

/** Computed, not copied: the largest signed 64-bit integer. */
const LONG_MAX = 2n ** 63n - 1n;
const USD_MAX = `${LONG_MAX / 100n}.${(LONG_MAX % 100n).toString().padStart(2, '0')}`;

const REGISTER = `mutation($input: RegisterDealInput!) {
  registerDeal(input: $input) { deal { id amount { amount currency } } errors { path message code } }
}`;
const DEAL = `query($id: ID!) { deal(id: $id) { id amount { amount currency } } }`;

// A period no other test uses, so ecosystemHealth sees only these deals.
const FROM = '1901-03-01T00:00:00.000Z';
const TO = '1901-03-02T00:00:00.000Z';

let deals = 0;
function dealInput(amount: string, currency: string, extra: Record<string, unknown> = {}) {
  deals += 1;
  return {
    id: id(`deal-${deals}`),
    name: `Deal ${deals}`,
    customerId: id('customer'),
    amount,
    currency,
    participants: [
      { partnerId: id('reseller'), role: 'RESELLER', sourced: true },
      { partnerId: id('tech'), role: 'TECHNOLOGY' },
    ],
    ...extra,
  };
}

async function register(input: Record<string, unknown>) {
  return (await expectData(db, REGISTER, { input })).data.registerDeal as {
    deal: { id: string; amount: { amount: string; currency: string } } | null;
    errors: { path: string[]; message: string; code: string }[];
  };
}

beforeAll(async () => {
  const imported = await importEcosystem(db, {
    formatVersion: 1,
    partners: [
      { id: id('reseller'), name: 'Reseller', types: ['RESELLER'] },
      { id: id('tech'), name: 'Tech', types: ['TECHNOLOGY'] },
    ],
    customers: [{ id: id('customer'), name: 'Customer' }],
  });
  if (!imported.ok) expect.fail(JSON.stringify(imported.problems));
});

afterAll(async () => {
  await removeByPrefix(db, px);
});

describe('registerDeal refuses an amount that does not fit, at input.amount, and stores nothing', () => {
  it.each(
    [
      ['92233720368547758.08', 'USD'],
      ['999999999999999999.99', 'USD'],
      ['18446744073709551616.00', 'USD'],
      ['9223372036854775808', 'JPY'],
      ['9223372036854775.808', 'BHD'],
      ['922337203685477.5808', 'CLF'],
      [`1${'0'.repeat(10_000)}`, 'USD'],
    ].map(([amount, currency]) => ({
      amount: amount!,
      currency: currency!,
      label: amount!.length > 40 ? `${amount!.slice(0, 12)}… (${amount!.length} digits)` : amount!,
    })),
  )('$label $currency', async ({ amount, currency }) => {
    const input = dealInput(amount, currency);
    const result = await register(input);
    expect(result.deal).toBeNull();
    expect(result.errors).toEqual([
      { path: ['input', 'amount'], code: 'BAD_USER_INPUT', message: expect.stringMatching(/too large: the largest [A-Z]{3} amount is \d/) },
    ]);
    expect(result.errors[0]!.message.length).toBeLessThan(200);
    expect((await expectData(db, DEAL, { id: input.id })).data.deal).toBeNull();
  });

  it.each([
    ['-1.00', 'USD'],
    ['-0', 'USD'],
    ['+1.00', 'USD'],
    ['1e5', 'USD'],
    [' 1.00', 'USD'],
    ['1.00\n', 'USD'],
    ['1.5', 'JPY'],
    ['1.0001', 'BHD'],
    ['1.001', 'USD'],
    ['.5', 'USD'],
    ['１０', 'USD'],
  ])('refuses %j %s at input.amount', async (amount, currency) => {
    const result = await register(dealInput(amount, currency));
    expect(result.deal).toBeNull();
    expect(result.errors.map((e) => [e.path.join('.'), e.code])).toEqual([['input.amount', 'BAD_USER_INPUT']]);
  });

  it('checks the amount text even when the currency is refused', async () => {
    const result = await register(dealInput('-5', 'usd'));
    expect(result.errors.map((e) => [e.path.join('.'), e.code]).sort()).toEqual([
      ['input.amount', 'BAD_USER_INPUT'],
      ['input.currency', 'BAD_USER_INPUT'],
    ]);
  });
});

describe('the largest amounts are stored exactly and every figure over them is exact', () => {
  it('stores the largest amount of each minor-digit count exactly', async () => {
    for (const [amount, currency] of [
      [USD_MAX, 'USD'],
      [LONG_MAX.toString(), 'JPY'],
      [`${LONG_MAX / 1000n}.${(LONG_MAX % 1000n).toString().padStart(3, '0')}`, 'BHD'],
    ] as const) {
      const result = await register(dealInput(amount, currency));
      expect(result.errors).toEqual([]);
      expect(result.deal?.amount).toEqual({ amount, currency });
      expect((await expectData(db, DEAL, { id: result.deal!.id })).data.deal.amount).toEqual({ amount, currency });
    }
  });

  it('attribution of the largest amount: shares sum exactly to it', async () => {
    const { deal } = await register(dealInput(USD_MAX, 'USD'));
    for (const model of ['EVEN', 'ROLE_WEIGHTED', 'SOURCED']) {
      const { data } = await expectData(
        db,
        `query($id: ID!, $model: AttributionModel!) { dealAttribution(dealId: $id, model: $model, weights: { roles: [{ role: RESELLER, weight: 2147483647 }] }) { shares { share { amount currency } } } }`,
        { id: deal!.id, model },
      );
      const shares = data.dealAttribution.shares as { share: { amount: string; currency: string } }[];
      expect(shares.length).toBeGreaterThan(0);
      const total = shares.reduce((sum, s) => sum + BigInt(s.share.amount.replace('.', '')), 0n);
      expect(total).toBe(LONG_MAX);
      for (const s of shares) expect(BigInt(s.share.amount.replace('.', ''))).toBeGreaterThanOrEqual(0n);
    }
  });

  it('partnerRevenue and ecosystemHealth add won deals of the largest amount beyond 64 bits, exactly', async () => {
    const won = { stage: 'CLOSED_WON', createdAt: FROM, closedAt: '1901-03-01T12:00:00.000Z' };
    for (let i = 0; i < 3; i++) {
      const result = await register(dealInput(USD_MAX, 'USD', won));
      expect(result.errors).toEqual([]);
    }
    const open = await register(dealInput(USD_MAX, 'USD'));
    expect(open.errors).toEqual([]);
    const expected = LONG_MAX * 3n;
    const expectedText = `${expected / 100n}.${(expected % 100n).toString().padStart(2, '0')}`;

    const { data } = await expectData(
      db,
      `query($partnerId: ID!, $from: DateTime!, $to: DateTime!) {
        partnerRevenue(partnerId: $partnerId, from: $from, to: $to) { sourced { amount currency } influenced { amount currency } pipeline { amount currency } }
        ecosystemHealth(from: $from, to: $to) { closedWonDeals totalWon { amount currency } partnerSourced { amount currency } }
      }`,
      { partnerId: id('reseller'), from: FROM, to: TO },
    );
    expect(data.partnerRevenue.sourced).toEqual([{ amount: expectedText, currency: 'USD' }]);
    expect(data.partnerRevenue.influenced).toEqual([]);
    expect(data.ecosystemHealth.closedWonDeals).toBe(3);
    expect(data.ecosystemHealth.totalWon).toEqual([{ amount: expectedText, currency: 'USD' }]);
    expect(data.ecosystemHealth.partnerSourced).toEqual([{ amount: expectedText, currency: 'USD' }]);
    // Oracle for the pipeline: every open deal of this partner (all registered in this file), summed here per currency.
    const rows = await db.runText<{ minor: number | bigint; currency: string }>(
      `MATCH (:Partner {id: $partnerId})-[:PARTICIPATES_IN]->(d:Deal) WHERE NOT d.stage STARTS WITH 'CLOSED_' RETURN d.amountMinor AS minor, d.currency AS currency`,
      { partnerId: id('reseller') },
    );
    const perCurrency = new Map<string, bigint>();
    for (const r of rows) perCurrency.set(r.currency, (perCurrency.get(r.currency) ?? 0n) + BigInt(r.minor));
    const digits: Record<string, number> = { USD: 2, JPY: 0, BHD: 3 };
    const text = (minor: bigint, d: number) =>
      d === 0 ? minor.toString() : `${minor / 10n ** BigInt(d)}.${(minor % 10n ** BigInt(d)).toString().padStart(d, '0')}`;
    expect(data.partnerRevenue.pipeline).toEqual(
      [...perCurrency.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([currency, minor]) => ({ amount: text(minor, digits[currency]!), currency })),
    );
    const pipeline = perCurrency.get('USD') ?? 0n;
    expect(pipeline > LONG_MAX).toBe(true);
  });
});
