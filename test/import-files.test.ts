// Import files (issue 11): a document that standard JSON readers read the same way is accepted,
// anything they would read differently is refused with its path; and the import applies the API's
// own limits (the same schemas, src/validation/problems.ts).
import { describe, expect, it } from 'vitest';
import { checkEcosystemBytes, checkEcosystemDocument, checkEcosystemText } from '../src/interchange/format.js';
import { CreateCapabilityInput } from '../src/capabilities/capability-inputs.js';
import { CreateCustomerInput } from '../src/customers/customer-inputs.js';
import { CreatePartnerInput } from '../src/partners/partner-inputs.js';
import { CreateSolutionInput } from '../src/solutions/solution-inputs.js';

const DEAL = { id: 'd', name: 'D', customerId: 'c', stage: 'REGISTERED', currency: 'USD', createdAt: '2024-01-01T00:00:00Z' };

function problems(check: ReturnType<typeof checkEcosystemText>): { path: string; code: string }[] {
  return check.ok ? [] : check.problems.map(({ path, code }) => ({ path, code }));
}

function messages(check: ReturnType<typeof checkEcosystemText>): string[] {
  return check.ok ? [] : check.problems.map((p) => p.message);
}

describe('byte order mark and encoding', () => {
  const body = '{"formatVersion": 1, "partners": [{"id": "p", "name": "Zoë", "types": ["MSP"]}]}';

  it('accepts a UTF-8 byte order mark and strips it, as standard readers do (RFC 8259 §8.1)', () => {
    const asText = checkEcosystemText(`\uFEFF${body}`);
    expect(problems(asText)).toEqual([]);
    expect(asText.ok && asText.doc.partners[0]?.name).toBe('Zoë');
    const asBytes = checkEcosystemBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]));
    expect(asBytes).toEqual(checkEcosystemText(body));
  });

  it('refuses a second byte order mark, naming it visibly', () => {
    const check = checkEcosystemBytes(Buffer.from(`\uFEFF\uFEFF${body}`, 'utf8'));
    expect(problems(check)).toEqual([{ path: '$', code: 'INVALID_JSON' }]);
    expect(messages(check)[0]).toContain('\\uFEFF');
    expect(messages(check)[0]).not.toMatch(/[\uFEFF\u200B]/);
  });

  it('names invisible characters in a JSON error instead of printing them', () => {
    const check = checkEcosystemText(`\u200B${body}`);
    expect(problems(check)).toEqual([{ path: '$', code: 'INVALID_JSON' }]);
    expect(messages(check)[0]).toContain('\\u200B');
    expect(messages(check)[0]).not.toMatch(/\u200B/);
  });

  it('refuses bytes that are not UTF-8 instead of reading them as U+FFFD', () => {
    const bad = Buffer.concat([
      Buffer.from('{"formatVersion": 1, "partners": [{"id": "p", "name": "Zo', 'utf8'),
      Buffer.from([0xeb]),
      Buffer.from('", "types": ["MSP"]}]}', 'utf8'),
    ]);
    const check = checkEcosystemBytes(bad);
    expect(problems(check)).toEqual([{ path: '$', code: 'INVALID_ENCODING' }]);
    expect(messages(check)[0]).toContain('byte 57');
  });

  it('refuses UTF-16 (with its byte order mark)', () => {
    expect(problems(checkEcosystemBytes(Buffer.from(`\uFEFF${body}`, 'utf16le')))).toEqual([{ path: '$', code: 'INVALID_ENCODING' }]);
  });
});

describe('duplicate keys', () => {
  it('refuses the reported example with its path instead of taking the last value', () => {
    const text = `{"formatVersion": 1, "customers": [{"id": "c", "name": "C"}],
      "deals": [${JSON.stringify(DEAL).slice(0, -1)}, "amount": "10.00", "amount": "10000000.00"}]}`;
    const check = checkEcosystemText(text);
    expect(check.ok ? [] : check.problems).toEqual([
      { path: '$.deals[0].amount', code: 'DUPLICATE_KEY', message: expect.stringContaining('"amount" appears more than once') },
    ]);
  });

  it('finds every duplicate, at any depth and through escapes, alongside the other problems', () => {
    const text = `{"formatVersion": 1, "formatVersion": 1,
      "partners": [{"id": "a", "name": "A", "types": ["MSP"]}, {"id": "b", "name": "B", "n\\u0061me": "Bee", "types": ["MSP"],
        "sharing": [{"partnerId": "a", "level": "FULL", "level": "COUNTS"}]}],
      "customers": [{"id": "c", "name": "${'x'.repeat(201)}"}]}`;
    expect(problems(checkEcosystemText(text))).toEqual([
      { path: '$.formatVersion', code: 'DUPLICATE_KEY' },
      { path: '$.partners[1].name', code: 'DUPLICATE_KEY' },
      { path: '$.partners[1].sharing[0].level', code: 'DUPLICATE_KEY' },
      { path: '$.customers[0].name', code: 'INVALID_VALUE' },
    ]);
  });

  it('does not mistake equal keys in different objects, keys inside strings or values equal to keys for duplicates', () => {
    const text = JSON.stringify({
      formatVersion: 1,
      capabilities: [
        { id: 'x', name: '{"id": "x", "id": "y"}', description: 'name' },
        { id: 'y', name: 'id' },
      ],
      partners: [
        { id: 'p', name: 'P \\" q', types: ['MSP'], regions: ['id', 'id'], capabilities: [{ capabilityId: 'x' }, { capabilityId: 'y' }] },
      ],
    });
    expect(problems(checkEcosystemText(text))).toEqual([]);
  });

  it('scans a long document, and one nested 50,000 levels deep without running out of stack', () => {
    const partners = Array.from({ length: 20_000 }, (_, i) => ({ id: `p${i}`, name: `P ${i}`, types: ['MSP'], regions: ['EMEA'] }));
    const text = JSON.stringify({ formatVersion: 1, partners });
    expect(problems(checkEcosystemText(text))).toEqual([]);
    const deep = `{"formatVersion": 1, "x": ${'['.repeat(50_000)}${']'.repeat(50_000)}, "x": 1}`;
    expect(problems(checkEcosystemText(deep))).toEqual([
      { path: '$.x', code: 'DUPLICATE_KEY' },
      { path: '$.x', code: 'UNKNOWN_FIELD' },
    ]);
  });
});

describe('the import applies the API limits', () => {
  /** The oracle: the API's own input schema on the same value. */
  const apiAccepts = {
    partnerName: (name: string) => CreatePartnerInput.safeParse({ name, types: ['MSP'] }).success,
    customerName: (name: string) => CreateCustomerInput.safeParse({ name }).success,
    capabilityName: (name: string) => CreateCapabilityInput.safeParse({ name }).success,
    solutionName: (name: string) => CreateSolutionInput.safeParse({ name }).success,
    region: (code: string) => CreatePartnerInput.safeParse({ name: 'P', types: ['MSP'], regions: [code] }).success,
    industry: (code: string) => CreateCustomerInput.safeParse({ name: 'C', industry: code }).success,
    description: (text: string) => CreateSolutionInput.safeParse({ name: 'S', description: text }).success,
    website: (url: string) => CreatePartnerInput.safeParse({ name: 'P', types: ['MSP'], website: url }).success,
  };
  const importAccepts = {
    partnerName: (name: string) => checkEcosystemDocument({ formatVersion: 1, partners: [{ id: 'p', name, types: ['MSP'] }] }).ok,
    customerName: (name: string) => checkEcosystemDocument({ formatVersion: 1, customers: [{ id: 'c', name }] }).ok,
    capabilityName: (name: string) => checkEcosystemDocument({ formatVersion: 1, capabilities: [{ id: 'x', name }] }).ok,
    solutionName: (name: string) => checkEcosystemDocument({ formatVersion: 1, solutions: [{ id: 's', name }] }).ok,
    region: (code: string) =>
      checkEcosystemDocument({ formatVersion: 1, partners: [{ id: 'p', name: 'P', types: ['MSP'], regions: [code] }] }).ok,
    industry: (code: string) => checkEcosystemDocument({ formatVersion: 1, customers: [{ id: 'c', name: 'C', industry: code }] }).ok,
    description: (text: string) => checkEcosystemDocument({ formatVersion: 1, solutions: [{ id: 's', name: 'S', description: text }] }).ok,
    website: (url: string) =>
      checkEcosystemDocument({ formatVersion: 1, partners: [{ id: 'p', name: 'P', types: ['MSP'], website: url }] }).ok,
  };
  const values = [
    'Acme',
    'x'.repeat(200),
    'x'.repeat(201),
    ' '.repeat(3),
    `  ${'x'.repeat(200)}  `,
    'x'.repeat(2000),
    'x'.repeat(2001),
    'x'.repeat(5_000_000),
    'bad \uD800 surrogate',
    'emoji 😀 fine',
    'https://acme.example',
    `https://acme.example/${'a'.repeat(3000)}`,
    'ftp://acme.example',
  ];

  it.each(Object.keys(apiAccepts) as (keyof typeof apiAccepts)[])('%s: the import accepts exactly what the API accepts', (field) => {
    for (const value of values) {
      const label = value.length > 40 ? `${value.slice(0, 20)}… (${value.length})` : value;
      expect(importAccepts[field](value), `${field} ${JSON.stringify(label)}`).toBe(apiAccepts[field](value));
    }
  });

  it('refuses a partner listed twice in a solution, as the API does (one entry, one role per partner)', () => {
    const members = [
      { partnerId: 'p', role: 'MSP' },
      { partnerId: 'p', role: 'TRAINING' },
    ];
    expect(CreateSolutionInput.safeParse({ name: 'S', members }).success).toBe(false);
    const check = checkEcosystemDocument({
      formatVersion: 1,
      partners: [{ id: 'p', name: 'P', types: ['MSP'] }],
      solutions: [{ id: 's', name: 'S', members }],
    });
    expect(problems(check)).toEqual([{ path: '$.solutions[0].members[1].partnerId', code: 'DUPLICATE_ENTRY' }]);
  });

  it('refuses the reported 5 MB name at its path', () => {
    const check = checkEcosystemDocument({ formatVersion: 1, partners: [{ id: 'p', name: 'x'.repeat(5_000_000), types: ['MSP'] }] });
    expect(check.ok ? [] : check.problems).toEqual([
      { path: '$.partners[0].name', code: 'INVALID_VALUE', message: 'must be at most 200 characters' },
    ]);
  });

  it('trims names and codes as the API does, so an export of the import writes them trimmed', () => {
    const check = checkEcosystemDocument({
      formatVersion: 1,
      partners: [{ id: 'p', name: '  Acme  ', types: ['MSP'], regions: [' EMEA '] }],
    });
    expect(check.ok && [check.doc.partners[0]?.name, check.doc.partners[0]?.regions]).toEqual(['Acme', ['EMEA']]);
    expect(CreatePartnerInput.parse({ name: '  Acme  ', types: ['MSP'], regions: [' EMEA '] })).toMatchObject({
      name: 'Acme',
      regions: ['EMEA'],
    });
  });
});
