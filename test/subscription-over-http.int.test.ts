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
});
