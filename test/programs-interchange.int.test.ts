// Programs and the rules of engagement in the interchange format (docs/ecosystem-format.md, "Policy and programs"):
// every version of the rules and every program with its enrolments round-trip byte-identically through import
// --replace and through the bulk load; the document's checks name each bad value by its JSON path. These tests
// replace the whole ecosystem (integration files run one at a time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEcosystem, serializeEcosystem } from '../src/interchange/export.js';
import { bulkLoadEcosystem } from '../src/interchange/bulk-load.js';
import { checkEcosystemDocument } from '../src/interchange/format.js';
import { importEcosystem, type ImportResult } from '../src/interchange/import.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('proginter');
const id = (s: string) => `${px}${s}`;

// The round trip exports the whole database, so it starts from an empty one: another file's leftovers (rows its
// clean-up left half deleted) are not a document this format can hold.
const EMPTY = { formatVersion: 2 };
beforeAll(async () => {
  expectImported(await importEcosystem(db, EMPTY, { replace: true }));
});
afterAll(async () => {
  await removeByPrefix(db, px);
  await db.runText('MATCH (e:Enrolment) WHERE e.programId STARTS WITH $px DETACH DELETE e', { px }, 'WRITE');
  await importEcosystem(db, EMPTY, { replace: true });
});

function expectImported(result: ImportResult) {
  if (!result.ok) expect.fail(`import failed:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.counts;
}

const exported = async () => serializeEcosystem(await exportEcosystem(db));

const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) { rules { version } errors { path code } } }`;
const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { errors { path message code } } }`;
const ENROL = `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { errors { path message code } } }`;

describe('programs and the rules of engagement in the interchange', () => {
  it('export -> import --replace -> export and export -> bulk load -> export are byte-identical', async () => {
    await loadFixture(
      db,
      prefixed(px, {
        partners: [
          { id: 'r1', name: `Reseller one ${px}`, types: ['RESELLER'] },
          { id: 'r2', name: `Reseller two ${px}`, types: ['RESELLER', 'SERVICES'] },
        ],
      }),
    );
    await expectData(db, SET_RULES, { input: { protectionWindowDays: 90, note: 'ninety days' } });
    await expectData(db, SET_RULES, { input: { protectionWindowDays: null, attributionModel: 'TIME_DECAY', timeDecayHalfLifeDays: 45 } });
    for (const input of [
      {
        id: id('gold-track'),
        name: 'Reseller track',
        partnerType: 'RESELLER',
        description: 'Tiers that follow contributions',
        reportingCurrency: 'USD',
        exchangeRates: [
          { currency: 'JPY', rate: '0.0067' },
          { currency: 'BHD', rate: '2.659574468085' },
        ],
        exclusiveTerritory: { regions: ['EMEA'], industries: [] },
        levels: [
          { tier: 'SILVER', closedWonDeals: 2 },
          { tier: 'GOLD', certifiedCapabilities: 2, sourcedWon: [{ amount: '250000', currency: 'USD' }], coSells: 1 },
        ],
      },
      {
        id: id('services'),
        name: 'Services track',
        partnerType: 'SERVICES',
        levels: [
          {
            tier: 'PLATINUM',
            influencedWon: [
              { amount: '1000000', currency: 'JPY' },
              { amount: '12.5', currency: 'BHD' },
            ],
          },
        ],
      },
    ]) {
      expect((await expectData(db, CREATE, { input })).data.createProgram.errors).toEqual([]);
    }
    for (const [program, partner, regions] of [
      ['gold-track', 'r1', ['EMEA', 'NA']],
      ['gold-track', 'r2', ['EMEA']],
      ['services', 'r2', []],
    ] as const)
      expect(
        (
          await expectData(db, ENROL, {
            input: {
              programId: id(program),
              partnerId: id(partner),
              since: '2025-03-01T00:00:00Z',
              exclusiveTerritory: { regions, industries: ['Banking'] },
            },
          })
        ).data.enrolPartner.errors,
      ).toEqual([]);

    const first = await exported();
    const doc = JSON.parse(first) as {
      rulesOfEngagement: { version: number; note?: string }[];
      programs: { id: string; levels: unknown[]; enrolments: unknown[] }[];
    };
    expect(doc.rulesOfEngagement.length).toBeGreaterThanOrEqual(2);
    expect(doc.rulesOfEngagement.at(-1)).toMatchObject({ attributionModel: 'TIME_DECAY', timeDecayHalfLifeDays: 45, setBy: 'test-admin' });
    expect(doc.rulesOfEngagement.at(-2)).toMatchObject({ protectionWindowDays: 90, note: 'ninety days' });
    const gold = doc.programs.find((g) => g.id === id('gold-track'))!;
    expect(gold).toEqual({
      id: id('gold-track'),
      name: 'Reseller track',
      partnerType: 'RESELLER',
      description: 'Tiers that follow contributions',
      reportingCurrency: 'USD',
      exchangeRates: [
        { currency: 'BHD', rate: '2.659574468085' },
        { currency: 'JPY', rate: '0.0067' },
      ],
      exclusiveTerritory: { regions: ['EMEA'], industries: [] },
      levels: [
        { tier: 'SILVER', closedWonDeals: 2 },
        { tier: 'GOLD', certifiedCapabilities: 2, coSells: 1, sourcedWon: [{ amount: '250000.00', currency: 'USD' }] },
      ],
      enrolments: [
        {
          partnerId: id('r1'),
          since: '2025-03-01T00:00:00.000Z',
          exclusiveTerritory: { regions: ['EMEA', 'NA'], industries: ['Banking'] },
        },
        { partnerId: id('r2'), since: '2025-03-01T00:00:00.000Z', exclusiveTerritory: { regions: ['EMEA'], industries: ['Banking'] } },
      ],
    });
    // The checked document is the export itself (the format's one form).
    const checked = checkEcosystemDocument(doc);
    if (!checked.ok) expect.fail(JSON.stringify(checked.problems));
    expect(serializeEcosystem(checked.doc)).toBe(first);

    expectImported(await importEcosystem(db, JSON.parse(first) as unknown, { replace: true }));
    expect(await exported()).toBe(first);
    // The next version follows the imported ones.
    const next = (await expectData(db, SET_RULES, { input: { note: 'after import' } })).data.setRulesOfEngagement.rules.version;
    expect(next).toBe(doc.rulesOfEngagement.at(-1)!.version + 1);

    expectImported(await bulkLoadEcosystem(db, JSON.parse(first) as unknown, { replace: true }));
    expect(await exported()).toBe(first);
    const afterBulk = (
      await expectData(db, `{ program(id: "${id('gold-track')}") { enrolments { partner { id } } } rulesOfEngagement { version } }`)
    ).data;
    expect(afterBulk.program.enrolments).toEqual([{ partner: { id: id('r1') } }, { partner: { id: id('r2') } }]);
    expect(afterBulk.rulesOfEngagement.version).toBe(doc.rulesOfEngagement.at(-1)!.version);

    // A document without policy replaces it with none: the built-in defaults, no programs.
    const bare = { ...JSON.parse(first), rulesOfEngagement: undefined, programs: undefined };
    expectImported(await importEcosystem(db, bare, { replace: true }));
    const cleared = (await expectData(db, `{ programs { id } rulesOfEngagement { version } rulesOfEngagementVersions { version } }`)).data;
    expect(cleared).toEqual({ programs: [], rulesOfEngagement: { version: 0 }, rulesOfEngagementVersions: [] });
  });

  it('names each bad policy value by its JSON path and code', () => {
    const result = checkEcosystemDocument({
      formatVersion: 2,
      partners: [{ id: 'p1', name: 'P', types: ['SERVICES'] }],
      rulesOfEngagement: [
        {
          version: 1,
          conflictingRoles: ['RESELLER'],
          directDealsConflict: false,
          enforceTerritory: false,
          duplicateCustomersAsOne: true,
          attributionModel: 'EVEN',
          timeDecayHalfLifeDays: 30,
          setAt: '2024-01-01T00:00:00Z',
          setBy: 'a',
        },
        {
          version: 1,
          conflictingRoles: ['NOPE'],
          directDealsConflict: false,
          enforceTerritory: false,
          duplicateCustomersAsOne: true,
          attributionModel: 'EVEN',
          timeDecayHalfLifeDays: 0,
          setAt: '2999-01-01T00:00:00Z',
          setBy: 'a',
        },
      ],
      programs: [
        {
          id: 'g1',
          name: 'G',
          partnerType: 'RESELLER',
          levels: [
            { tier: 'GOLD', closedWonDeals: -1 },
            { tier: 'SILVER', coSells: 1 },
          ],
          enrolments: [
            { partnerId: 'p1', since: '2024-01-01T00:00:00Z' },
            { partnerId: 'ghost', since: '2024-01-01T00:00:00Z', extra: 1 },
          ],
        },
        { id: 'g1', name: 'G', partnerType: 'SERVICES', levels: [{ tier: 'GOLD', sourcedWon: [{ amount: '1.5', currency: 'JPY' }] }] },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      '$.rulesOfEngagement[1].conflictingRoles[0] INVALID_VALUE',
      '$.rulesOfEngagement[1].setAt FUTURE_DATETIME',
      '$.rulesOfEngagement[1].timeDecayHalfLifeDays INVALID_VALUE',
      '$.rulesOfEngagement[1].version DUPLICATE_ENTRY',
      '$.programs[0].enrolments[0].partnerId INVALID_VALUE',
      '$.programs[0].enrolments[1].extra UNKNOWN_FIELD',
      '$.programs[0].enrolments[1].partnerId DANGLING_REFERENCE',
      '$.programs[0].levels[0].closedWonDeals INVALID_VALUE',
      '$.programs[0].levels[1].tier INVALID_VALUE',
      '$.programs[1].id DUPLICATE_ID',
      '$.programs[1].levels[0].sourcedWon[0].amount INVALID_VALUE',
    ]);
  });
});
