// Cross-site request forgery and GET (README, "Cross-site requests and GET"): a query sent as GET with
// a bearer token (urql's default) runs; what a page on another site can make a browser send without
// a CORS preflight (a form post, an <img> or <script> GET: no Authorization header, a "simple"
// content-type) is refused before anything runs; a mutation never runs over GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';
import { useLiveApi } from './support/live-api.js';

const db = testExecutor();
const px = uniquePrefix('csrf');
const api = useLiveApi();
const open = useLiveApi({ auth: false });

beforeAll(() => loadFixture(db, prefixed(px, { partners: [{ id: 'p1', name: 'Partner One', types: ['TECHNOLOGY'] }] })));
afterAll(() => removeByPrefix(db, px));

const PARTNER = `query Partner($id: ID!) { partner(id: $id) { id name } }`;
const CREATE = `mutation Create($id: ID!) { createPartner(input: { id: $id, name: "Made by GET", types: [RESELLER] }) { partner { id } } }`;

function getUrl(base: string, query: string, variables: Record<string, unknown>): string {
  const url = new URL(base);
  url.searchParams.set('query', query);
  url.searchParams.set('variables', JSON.stringify(variables));
  return url.toString();
}

async function send(url: string, init: RequestInit) {
  const res = await fetch(url, init);
  return { status: res.status, allow: res.headers.get('allow'), body: (await res.json()) as { data?: any; errors?: any[] } };
}

async function partnerExists(id: string): Promise<boolean> {
  const rows = await db.runText<{ n: number }>('MATCH (p:Partner {id: $id}) RETURN count(p) AS n', { id });
  return rows[0]!.n > 0;
}

describe('GET with a bearer token', () => {
  it('runs a query sent as GET with only Authorization and Accept headers (as urql sends it)', async () => {
    const r = await send(getUrl(api.url, PARTNER, { id: `${px}p1` }), {
      headers: { authorization: `Bearer ${api.adminToken}`, accept: 'application/graphql-response+json, application/json' },
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ data: { partner: { id: `${px}p1`, name: 'Partner One' } } });
  });

  it('refuses a mutation over GET with 405 and Allow: POST, and writes nothing', async () => {
    const id = `${px}by-get`;
    const r = await send(getUrl(api.url, CREATE, { id }), { headers: { authorization: `Bearer ${api.adminToken}` } });
    expect(r.status).toBe(405);
    expect(r.allow).toBe('POST');
    expect(r.body.errors?.[0]?.message).toMatch(/GET requests only support query operations/);
    expect(await partnerExists(id)).toBe(false);
  });
});

describe('what another site can make a browser send', () => {
  it('refuses a GET without a token (an <img> or <script> on another site) with 401 before it runs', async () => {
    const r = await send(getUrl(api.url, PARTNER, { id: `${px}p1` }), {});
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.body.data).toBeUndefined();
  });

  // With AUTH=off no token is needed, so the cross-site check alone must stop these.
  it('with AUTH=off, refuses a GET that carries no preflight-forcing header as CSRF (400)', async () => {
    const r = await send(getUrl(open.url, PARTNER, { id: `${px}p1` }), {});
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    expect(r.body.data).toBeUndefined();
  });

  it('with AUTH=off, refuses form posts (text/plain, urlencoded, multipart) and writes nothing', async () => {
    const id = `${px}by-form`;
    const body = JSON.stringify({ query: CREATE, variables: { id } });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await send(open.url, { method: 'POST', headers: { 'content-type': contentType }, body });
      expect(r.status, contentType).toBe(400);
      expect(r.body.errors?.[0]?.message, contentType).toMatch(/Cross-Site Request Forgery/);
    }
    expect(await partnerExists(id)).toBe(false);
  });

  it('with AUTH=off, runs a GET that carries a header only a preflighted request can (Authorization, apollo-require-preflight)', async () => {
    const preflighted: Record<string, string>[] = [{ authorization: 'Bearer anything' }, { 'apollo-require-preflight': 'true' }];
    for (const headers of preflighted) {
      const r = await send(getUrl(open.url, PARTNER, { id: `${px}p1` }), { headers });
      expect(r.status, JSON.stringify(headers)).toBe(200);
      expect(r.body.data?.partner?.name).toBe('Partner One');
    }
  });
});
