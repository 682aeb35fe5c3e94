// A subscription sent over HTTP instead of WebSocket (README, "Subscriptions"): a client's mistake, answered as one
// (400 BAD_REQUEST, saying where subscriptions are served) before anything runs, on both executors
// (src/http/execute.ts), never as an internal error.
import { describe, expect, it } from 'vitest';
import { useExecutorPair } from './support/executors.js';
import { useLiveApi } from './support/live-api.js';

const pair = useExecutorPair('subhttp');
const api = useLiveApi();

const SUBSCRIPTIONS = [
  'subscription Changes { changes { cursor kind entityId } }',
  'subscription Map { ecosystemMapChanged(input: { depth: 1 }) { reset nodesAdded { id } } }',
];

describe('a subscription over HTTP', () => {
  it.each(SUBSCRIPTIONS)('is refused with 400 BAD_REQUEST over a real POST: %s', async (query) => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
    expect(res.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors?.[0]?.message).toMatch(/WebSocket/);
  });

  it.each(['jit', 'plain'] as const)('is refused the same way by the %s executor', async (which) => {
    for (const query of SUBSCRIPTIONS) {
      const r = await pair.ask(pair[which], query, {}, { role: 'ADMIN', subject: 'test' });
      expect(r.status).toBe(400);
      const body = JSON.parse(r.text) as { errors: { extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    }
  });

  it('in a document beside a query: the operation name decides, over POST and GET, and a wrong name is a 400', async () => {
    const mixed = 'query Q { health { database } } subscription S { changes { cursor } }';
    const ask = async (method: 'GET' | 'POST', operationName?: string) => {
      const params = new URLSearchParams({ query: mixed, ...(operationName ? { operationName } : {}) });
      const res = await fetch(method === 'GET' ? `${api.url}?${params}` : api.url, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
        ...(method === 'POST' ? { body: JSON.stringify({ query: mixed, operationName }) } : {}),
      });
      const body = (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
      return [res.status, body.data ?? body.errors?.map((e) => e.extensions.code)];
    };
    for (const method of ['GET', 'POST'] as const) {
      expect(await ask(method, 'Q')).toEqual([200, { health: { database: true } }]);
      expect(await ask(method, 'X')).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
      expect(await ask(method)).toEqual([400, ['OPERATION_RESOLUTION_FAILURE']]);
    }
    expect(await ask('POST', 'S')).toEqual([400, ['BAD_REQUEST']]);
    // Over GET Apollo refuses any operation but a query first (405, Allow: POST), as it does a mutation.
    expect(await ask('GET', 'S')).toEqual([405, ['BAD_REQUEST']]);
  });
});
