// The HTTP status of a partly refused request (GraphQL over HTTP, "Status Codes"): a response with data that is
// present and not null is 200, for application/json and application/graphql-response+json alike, even when a root
// field was refused (FORBIDDEN, null) beside others that answered; a request refused before execution (no data) keeps
// its status (401 without a token, 400 for a document that does not validate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { createLogger } from '../src/logger.js';
import { startApp, type RunningApp } from '../src/server.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const secret = 'partial-secret-0123456789-0123456789-abc';
const db = testExecutor();
const px = uniquePrefix('partial');
let app: RunningApp;
let partnerToken: string;

beforeAll(async () => {
  await loadFixture(db, prefixed(px, { partners: [{ id: 'p', name: `Partial partner ${px}`, types: ['RESELLER' as const] }] }));
  app = await startApp(
    { executor: db, logger: createLogger('error'), auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } } },
    '127.0.0.1',
    0,
  );
  partnerToken = await mintToken({ secret, role: 'PARTNER', partnerId: `${px}p`, subject: 'partial-partner', expiresIn: '1h' });
});

afterAll(async () => {
  await app?.stop();
  await removeByPrefix(db, px);
});

async function post(query: string, options: { token?: string; accept?: string } = {}) {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.accept ? { accept: options.accept } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as Record<string, any> };
}

const PERIOD = 'from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z"';

describe('the HTTP status of a partly refused request', () => {
  for (const accept of ['application/json', 'application/graphql-response+json']) {
    it(`is 200 with the data and the FORBIDDEN error (${accept})`, async () => {
      const r = await post(`{ partner(id: "${px}p") { id name } ecosystemHealth(${PERIOD}) { closedWonDeals } }`, {
        token: partnerToken,
        accept,
      });
      expect(r.status).toBe(200);
      expect(r.contentType).toContain(accept);
      expect(r.body.data).toEqual({ partner: { id: `${px}p`, name: `Partial partner ${px}` }, ecosystemHealth: null });
      expect(r.body.errors).toEqual([
        expect.objectContaining({ path: ['ecosystemHealth'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
      ]);
    });
  }

  it('is 200 when the only root field is refused: data is present ({"ecosystemHealth": null}), a partial response', async () => {
    const r = await post(`{ ecosystemHealth(${PERIOD}) { closedWonDeals } }`, { token: partnerToken });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ ecosystemHealth: null });
    expect(r.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('keeps 401 and 400 for requests refused before execution (no data)', async () => {
    const anonymous = await post(`{ partner(id: "${px}p") { id } }`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.data).toBeUndefined();
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const invalid = await post('{ partner(id: 1) { nope } }', { token: partnerToken, accept: 'application/graphql-response+json' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.data).toBeUndefined();
  });
});
