// The interchange format's checks (no database): every problem listed with its JSON path and
// code, defaults and normalisation, and the stable serialisation.
import { describe, expect, it } from 'vitest';
import { serializeEcosystem } from '../src/interchange/export.js';
import {
  checkEcosystemDocument,
  checkEcosystemText,
  isRfc3339DateTime,
  jsonPath,
  type EcosystemDocument,
} from '../src/interchange/format.js';

function problemsOf(doc: unknown): { path: string; code: string }[] {
  const result = checkEcosystemDocument(doc);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map(({ path, code }) => ({ path, code }));
}

function accepted(doc: unknown): EcosystemDocument {
  const result = checkEcosystemDocument(doc);
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems, null, 2)}`);
  return result.doc;
}

describe('checkEcosystemDocument', () => {
  it('lists every problem of a document, each with its JSON path and code, in document order', () => {
    const doc = {
      formatVersion: 1,
      capabilities: [
        { id: 'cap-a', name: 'A', parentId: 'cap-b' },
        { id: 'cap-b', name: 'B', parentId: 'cap-a' },
        { id: 'cap-a', name: 'Again' },
        { id: '-bad', name: 'Bad id' },
      ],
      partners: [
        {
          id: 'p1',
          name: 'One',
          types: ['RESELLER'],
          integratesWith: ['p1', 'p9'],
          sharing: [{ partnerId: 'p2', level: 'ALL' }],
          colour: 'red',
        },
        { id: 'p2', name: 'Two', types: [], capabilities: [{ capabilityId: 'cap-x' }] },
      ],
      customers: [{ id: 'c1', name: 'Customer', needs: ['cap-a'] }],
      accounts: [
        { partnerId: 'p1', customerId: 'c1', status: 'CUSTOMER' },
        { partnerId: 'p1', customerId: 'c1', status: 'PROSPECT' },
      ],
      solutions: [{ id: 's1', name: 'Solution', requires: ['cap-z'], members: [{ partnerId: 'p2', role: 'SERVICES' }] }],
      deals: [
        {
          id: 'd1',
          name: 'Deal',
          customerId: 'c1',
          solutionId: 's1',
          stage: 'CLOSED_WON',
          amount: '10.001',
          currency: 'USD',
          createdAt: '2024-01-01T00:00:00Z',
          participants: [
            { partnerId: 'p1', role: 'RESELLER', sourced: true },
            { partnerId: 'p2', role: 'SERVICES', sourced: true },
            { partnerId: 'p1', role: 'REFERRAL' },
          ],
        },
        {
          id: 'd2',
          name: 'Deal 2',
          customerId: 'c9',
          stage: 'PROPOSAL',
          amount: 100.5,
          currency: 'JPY',
          createdAt: '2024-13-01T00:00:00Z',
          closedAt: '2024-02-01T00:00:00Z',
        },
        {
          id: 'd3',
          name: 'Deal 3',
          customerId: 'c1',
          stage: 'QUALIFIED',
          amount: '5',
          currency: 'usd',
          createdAt: '2024-01-01T00:00:00+02:00',
        },
      ],
    };
    expect(problemsOf(doc)).toEqual([
      { path: '$.capabilities[0].parentId', code: 'TAXONOMY_CYCLE' },
      { path: '$.capabilities[2].id', code: 'DUPLICATE_ID' },
      { path: '$.capabilities[3].id', code: 'INVALID_ID' },
      { path: '$.partners[0].colour', code: 'UNKNOWN_FIELD' },
      { path: '$.partners[0].integratesWith[0]', code: 'SELF_REFERENCE' },
      { path: '$.partners[0].integratesWith[1]', code: 'DANGLING_REFERENCE' },
      { path: '$.partners[0].sharing[0].level', code: 'INVALID_VALUE' },
      { path: '$.partners[1].capabilities[0].capabilityId', code: 'DANGLING_REFERENCE' },
      { path: '$.partners[1].types', code: 'INVALID_VALUE' },
      { path: '$.accounts[1]', code: 'DUPLICATE_ACCOUNT' },
      { path: '$.solutions[0].requires[0]', code: 'DANGLING_REFERENCE' },
      { path: '$.deals[0].amount', code: 'INVALID_AMOUNT' },
      { path: '$.deals[0].closedAt', code: 'CLOSED_AT_REQUIRED' },
      { path: '$.deals[0].participants[1].sourced', code: 'SEVERAL_SOURCED' },
      { path: '$.deals[0].participants[2].partnerId', code: 'DUPLICATE_PARTICIPANT' },
      { path: '$.deals[1].amount', code: 'INVALID_TYPE' },
      { path: '$.deals[1].closedAt', code: 'CLOSED_AT_NOT_ALLOWED' },
      { path: '$.deals[1].createdAt', code: 'INVALID_DATETIME' },
      { path: '$.deals[1].customerId', code: 'DANGLING_REFERENCE' },
      { path: '$.deals[2].currency', code: 'INVALID_CURRENCY' },
    ]);
  });

  it('explains problems in words a person can act on', () => {
    const result = checkEcosystemDocument({
      formatVersion: 1,
      capabilities: [{ id: 'x', name: 'X', parentId: 'x' }],
      customers: [{ id: 'c', name: 'C' }],
      deals: [
        { id: 'd', name: 'D', customerId: 'c', stage: 'REGISTERED', amount: '1.5', currency: 'JPY', createdAt: '2024-01-01T00:00:00Z' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: '$.capabilities[0].parentId', code: 'TAXONOMY_CYCLE', message: 'the capability taxonomy has a cycle: "x" → "x"' },
        { path: '$.deals[0].amount', code: 'INVALID_AMOUNT', message: 'JPY has 0 minor digits; "1.5" has 1' },
      ],
    });
  });

  it('reports missing fields, unknown top-level keys (after the known ones), the version and non-objects', () => {
    expect(problemsOf({ partners: [{ id: 'p', types: ['MSP'] }], extra: true })).toEqual([
      { path: '$.formatVersion', code: 'REQUIRED' },
      { path: '$.partners[0].name', code: 'REQUIRED' },
      { path: '$.extra', code: 'UNKNOWN_FIELD' },
    ]);
    expect(problemsOf({ formatVersion: 3 })).toEqual([{ path: '$.formatVersion', code: 'UNSUPPORTED_VERSION' }]);
    expect(problemsOf([])).toEqual([{ path: '$', code: 'INVALID_TYPE' }]);
    expect(problemsOf({ formatVersion: 1, deals: {} })).toEqual([{ path: '$.deals', code: 'INVALID_TYPE' }]);
    const bad = checkEcosystemText('{"formatVersion": 1,');
    expect(bad.ok ? [] : bad.problems.map((p) => [p.path, p.code])).toEqual([['$', 'INVALID_JSON']]);
  });

  it('finds a longer taxonomy cycle once, at the first member in the document', () => {
    const caps = [
      { id: 'root', name: 'Root' },
      { id: 'c3', name: 'C3', parentId: 'c1' },
      { id: 'c1', name: 'C1', parentId: 'c2' },
      { id: 'c2', name: 'C2', parentId: 'c3' },
      { id: 'leaf', name: 'Leaf', parentId: 'c2' },
    ];
    const result = checkEcosystemDocument({ formatVersion: 1, capabilities: caps });
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: '$.capabilities[1].parentId',
        code: 'TAXONOMY_CYCLE',
        message: 'the capability taxonomy has a cycle: "c3" → "c1" → "c2" → "c3"',
      },
    ]);
  });

  it('applies the defaults and normalises datetimes, amounts and integrations', () => {
    const doc = accepted({
      formatVersion: 1,
      capabilities: [{ id: 'cap', name: 'Cap' }],
      partners: [
        { id: 'a', name: 'A', types: ['TECHNOLOGY'], capabilities: [{ capabilityId: 'cap' }], integratesWith: ['b'] },
        { id: 'b', name: 'B', types: ['RESELLER'] },
      ],
      customers: [{ id: 'c', name: 'C' }],
      solutions: [{ id: 's', name: 'S' }],
      deals: [
        {
          id: 'd',
          name: 'D',
          customerId: 'c',
          stage: 'CLOSED_WON',
          amount: '7.5',
          currency: 'BHD',
          createdAt: '2024-03-01T10:00:00+02:00',
          closedAt: '2024-04-01t00:00:00.123456z',
          participants: [{ partnerId: 'b', role: 'RESELLER' }],
        },
      ],
    });
    expect(doc.partners[0]).toEqual({
      id: 'a',
      name: 'A',
      types: ['TECHNOLOGY'],
      tier: 'REGISTERED',
      lifecycleStage: 'ACTIVE',
      regions: [],
      industries: [],
      capabilities: [{ capabilityId: 'cap', level: 'BASIC' }],
      integrations: [{ partnerId: 'b' }],
      sharing: [],
    });
    expect(doc.partners[1]?.integrations).toEqual([{ partnerId: 'a' }]);
    expect(doc.solutions[0]).toEqual({ id: 's', name: 'S', status: 'DRAFT', requires: [], members: [], regions: [], industries: [] });
    expect(doc.accounts).toEqual([]);
    expect(doc.deals[0]).toEqual({
      id: 'd',
      name: 'D',
      customerId: 'c',
      stage: 'CLOSED_WON',
      amount: '7.500',
      currency: 'BHD',
      createdAt: '2024-03-01T08:00:00.000Z',
      closedAt: '2024-04-01T00:00:00.123Z',
      participants: [{ partnerId: 'b', role: 'RESELLER', sourced: false, registeredAt: '2024-03-01T08:00:00.000Z' }],
    });
  });

  it('knows RFC 3339 date-times', () => {
    for (const good of ['2024-02-29T23:59:59Z', '2024-01-01T00:00:00.5+05:30', '2023-12-31t12:00:00-08:00'])
      expect(isRfc3339DateTime(good), good).toBe(true);
    for (const bad of [
      '2023-02-29T00:00:00Z',
      '2024-01-01',
      '2024-01-01T00:00Z',
      '2024-01-01T24:00:00Z',
      '2024-01-01T00:00:00',
      '1714550400',
    ]) {
      expect(isRfc3339DateTime(bad), bad).toBe(false);
    }
  });

  it('writes JSON paths for any key', () => {
    expect(jsonPath(['deals', 3, 'amount'])).toBe('$.deals[3].amount');
    expect(jsonPath(['odd key', 0])).toBe('$["odd key"][0]');
  });
});

describe('serializeEcosystem', () => {
  it('writes the fixed key order, sorted lists and exact amounts, omitting absent fields', () => {
    const doc = accepted({
      deals: [
        {
          currency: 'USD',
          amount: '12',
          stage: 'REGISTERED',
          createdAt: '2024-01-01T00:00:00Z',
          customerId: 'c',
          name: 'Deal',
          id: 'd2',
          registrationStatus: 'APPROVED',
          participants: [
            { role: 'SERVICES', partnerId: 'z' },
            { partnerId: 'a', role: 'RESELLER', sourced: true },
          ],
        },
        {
          id: 'd1',
          name: 'First',
          customerId: 'c',
          stage: 'REGISTERED',
          amount: '0',
          currency: 'JPY',
          createdAt: '2024-01-01T00:00:00Z',
          registrationStatus: 'CONFLICT',
        },
      ],
      customers: [{ needs: [], name: 'C', id: 'c' }],
      accounts: [
        { partnerId: 'z', customerId: 'c', status: 'PROSPECT' },
        { partnerId: 'a', customerId: 'c', status: 'CUSTOMER' },
      ],
      partners: [
        { id: 'z', name: 'Z', types: ['SERVICES'] },
        { id: 'a', name: 'A', types: ['RESELLER'], sharing: [{ partnerId: 'z', level: 'FULL' }], integratesWith: ['z'] },
      ],
      formatVersion: 1,
    });
    const text = serializeEcosystem(doc);
    expect(text.endsWith('}\n')).toBe(true);
    const back = JSON.parse(text) as Record<string, any>;
    expect(Object.keys(back)).toEqual(['formatVersion', 'capabilities', 'partners', 'customers', 'accounts', 'solutions', 'deals']);
    expect(back.partners.map((p: { id: string }) => p.id)).toEqual(['a', 'z']);
    expect(Object.keys(back.partners[0])).toEqual([
      'id',
      'name',
      'types',
      'tier',
      'lifecycleStage',
      'regions',
      'industries',
      'capabilities',
      'integrations',
      'sharing',
    ]);
    expect(back.partners[1].integrations).toEqual([{ partnerId: 'a' }]);
    expect(back.accounts.map((a: { partnerId: string }) => a.partnerId)).toEqual(['a', 'z']);
    expect(back.deals.map((d: { id: string; amount: string }) => [d.id, d.amount])).toEqual([
      ['d1', '0'],
      ['d2', '12.00'],
    ]);
    expect(Object.keys(back.deals[1])).toEqual([
      'id',
      'name',
      'customerId',
      'stage',
      'amount',
      'currency',
      'createdAt',
      'participants',
      'registrationStatus',
    ]);
    expect(back.deals[1].participants).toEqual([
      { partnerId: 'a', role: 'RESELLER', sourced: true, registeredAt: '2024-01-01T00:00:00.000Z' },
      { partnerId: 'z', role: 'SERVICES', sourced: false, registeredAt: '2024-01-01T00:00:00.000Z' },
    ]);
    // A version 1 document reads as version 2; the writer writes version 2.
    expect(text).toContain('\n  "formatVersion": 2,\n  "capabilities": [],\n');
    // A checked serialisation checks again to the same text.
    expect(serializeEcosystem(accepted(back))).toBe(text);
  });
});
