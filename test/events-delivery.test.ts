// The pure parts of event delivery (issue 15): the webhook signature and its replay window, which
// targets a webhook may reach, the event type patterns, the retry schedule, and map deltas checked
// against a brute-force oracle (applying diff(a, b) to a gives b, for random maps).
import { describe, expect, it } from 'vitest';
import { matchesEventTypes, EVENT_TYPE_PATTERN, namesKnownEventType } from '../src/events/event-types.js';
import { CHANGE_KINDS, ENTITY_TYPES, RELATIONSHIP_TYPES } from '../src/events/outbox.js';
import { applyDelta, diffMaps, EMPTY_MAP, isEmptyDelta } from '../src/events/map-delta.js';
import { backoffMs } from '../src/events/webhook-worker.js';
import { generateSecret, signatureDigest, signatureHeader, verifySignature } from '../src/events/webhook-signing.js';
import { addressRefusal, checkTarget, parseTargetUrl, TargetRefusedError } from '../src/events/webhook-target.js';
import type { EcosystemGraphRow } from '../src/intelligence/ecosystem-map.js';
import { prng } from './support/random.js';

const dev = { production: false, allowed: [] };
const prod = { production: true, allowed: [] };

describe('webhook signatures', () => {
  const secret = generateSecret();
  const body = JSON.stringify({ id: 'd1', changes: [{ sequence: '1' }] });

  it('verifies its own signature within five minutes, in both directions', () => {
    const t = 1_700_000_000;
    const header = signatureHeader(secret, t, body);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, t)).toBe(true);
    expect(verifySignature(secret, header, body, t + 300)).toBe(true);
    expect(verifySignature(secret, header, body, t - 300)).toBe(true);
  });

  it('refuses a replay after the window, another body, another secret, another timestamp, or no header', () => {
    const t = 1_700_000_000;
    const header = signatureHeader(secret, t, body);
    expect(verifySignature(secret, header, body, t + 301)).toBe(false);
    expect(verifySignature(secret, header, body.replace('d1', 'd2'), t)).toBe(false);
    expect(verifySignature(generateSecret(), header, body, t)).toBe(false);
    // The timestamp is signed: moving it forward to pass the window breaks the digest.
    expect(verifySignature(secret, header.replace('t=1700000000', 't=1700000500'), body, t + 500)).toBe(false);
    expect(verifySignature(secret, undefined, body, t)).toBe(false);
    expect(verifySignature(secret, 'garbage', body, t)).toBe(false);
  });

  it('is HMAC-SHA256 over "timestamp.body" (the scheme the README documents)', async () => {
    const { createHmac } = await import('node:crypto');
    expect(signatureDigest('k', 5, 'b')).toBe(createHmac('sha256', 'k').update('5.b').digest('hex'));
  });

  it('generates distinct secrets of 32 random bytes', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateSecret()).not.toBe(a);
  });
});

describe('webhook targets', () => {
  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    'fd00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '224.0.0.1',
  ])('refuses %s everywhere', (address) => {
    expect(addressRefusal(address, dev)).toMatch(/private, loopback, link-local or reserved/);
    expect(addressRefusal(address, prod)).not.toBeNull();
  });

  it('allows loopback outside production only', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(addressRefusal(a, dev)).toBeNull();
      expect(addressRefusal(a, prod)).not.toBeNull();
    }
  });

  it('allows public addresses, and private ones an allow-list names by network', () => {
    expect(addressRefusal('93.184.216.34', prod)).toBeNull();
    expect(addressRefusal('2606:4700::1111', prod)).toBeNull();
    expect(addressRefusal('10.20.1.2', { production: true, allowed: ['10.20.0.0/16'] })).toBeNull();
    expect(addressRefusal('10.21.1.2', { production: true, allowed: ['10.20.0.0/16'] })).not.toBeNull();
  });

  it('checks every address a host resolves to, and honours an allow-listed host name', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const url = new URL('https://hooks.example.com/x');
    await expect(checkTarget(url, prod, resolve)).rejects.toThrow(/10\.0\.0\.7/);
    await expect(checkTarget(url, prod, resolve)).rejects.toBeInstanceOf(TargetRefusedError);
    await expect(checkTarget(url, { production: true, allowed: ['HOOKS.example.com'] }, resolve)).resolves.toEqual([
      '93.184.216.34',
      '10.0.0.7',
    ]);
    await expect(checkTarget(new URL('http://[fe80::1]/'), dev)).rejects.toThrow(/fe80::1/);
    await expect(
      checkTarget(url, prod, async () => {
        throw Object.assign(new Error('x'), { code: 'ENOTFOUND' });
      }),
    ).rejects.toThrow(/does not resolve \(ENOTFOUND\)/);
  });

  it('accepts only http(s) URLs without credentials or fragment', () => {
    expect(parseTargetUrl('https://a.example/hook?x=1')).toBeInstanceOf(URL);
    expect(parseTargetUrl('ftp://a.example/')).toMatch(/http or https/);
    expect(parseTargetUrl('https://user:pw@a.example/')).toMatch(/credentials/);
    expect(parseTargetUrl('https://a.example/#f')).toMatch(/fragment/);
    expect(parseTargetUrl('not a url')).toMatch(/absolute URL/);
    expect(parseTargetUrl(`https://a.example/${'x'.repeat(2100)}`)).toMatch(/2048/);
  });
});

describe('event types', () => {
  it('matches exact, per-type, per-kind and catch-all patterns', () => {
    expect(matchesEventTypes(['Deal.CREATED'], 'Deal', 'CREATED')).toBe(true);
    expect(matchesEventTypes(['Deal.CREATED'], 'Deal', 'UPDATED')).toBe(false);
    expect(matchesEventTypes(['Deal.*'], 'Deal', 'DELETED')).toBe(true);
    expect(matchesEventTypes(['*.ENDED'], 'Account', 'ENDED')).toBe(true);
    expect(matchesEventTypes(['*.ENDED'], 'Account', 'CREATED')).toBe(false);
    expect(matchesEventTypes(['*'], 'Partner', 'UPDATED')).toBe(true);
    expect(matchesEventTypes(['Partner.*', 'Deal.CREATED'], 'Customer', 'CREATED')).toBe(false);
  });

  it('accepts only well-formed patterns', () => {
    for (const ok of ['*', 'Deal.*', '*.CREATED', 'Account.ENDED']) expect(EVENT_TYPE_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', 'deal.CREATED', 'Deal', 'Deal.created', 'Deal.CREATED.X', '**', 'Deal.*x'])
      expect(EVENT_TYPE_PATTERN.test(bad)).toBe(false);
  });

  it('accepts only the entity types and kinds the outbox records', () => {
    const types = [...ENTITY_TYPES, ...RELATIONSHIP_TYPES];
    for (const ok of ['*', 'Deal.*', '*.ENDED', 'Account.ENDED', 'Participation.CREATED'])
      expect(namesKnownEventType(ok, types, CHANGE_KINDS), ok).toBe(true);
    for (const typo of ['Deal.NOPE', 'Nope.*', 'Deals.CREATED', '*.CREATD'])
      expect(namesKnownEventType(typo, types, CHANGE_KINDS), typo).toBe(false);
  });
});

describe('retry schedule', () => {
  it('doubles from the first wait up to the longest', () => {
    const retry = { firstMs: 10_000, maxMs: 3_600_000, forMs: 86_400_000 };
    expect([1, 2, 3, 4].map((n) => backoffMs(n, retry))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(20, retry)).toBe(3_600_000);
    expect(backoffMs(10_000, retry)).toBe(3_600_000);
  });
});

describe('map deltas', () => {
  type Node = EcosystemGraphRow['nodes'][number];
  function randomMap(rand: () => number): EcosystemGraphRow {
    const nodes: Node[] = [];
    for (let i = 0; i < 12; i++) {
      if (rand() < 0.6)
        nodes.push({ id: `n${i}`, kind: 'PARTNER', label: `N${i}`, group: null, weight: Math.floor(rand() * 3), distance: 0 });
    }
    const edges: EcosystemGraphRow['edges'] = [];
    for (const a of nodes)
      for (const b of nodes)
        if (a.id < b.id && rand() < 0.25)
          edges.push({ source: a.id, target: b.id, kind: 'PARTNER_NETWORK', weight: Math.floor(rand() * 3) });
    return { nodes, edges, truncated: rand() < 0.2 };
  }
  const canonical = (m: EcosystemGraphRow) => ({
    nodes: m.nodes.map((n) => JSON.stringify(n)).sort(),
    edges: m.edges.map((e) => JSON.stringify([e.kind, e.source, e.target, e.weight ?? null])).sort(),
    truncated: m.truncated,
  });

  it('applying diff(a, b) to a gives b, for 500 random pairs; the diff is empty exactly when they are equal', () => {
    const rand = prng(15);
    for (let i = 0; i < 500; i++) {
      const a = randomMap(rand);
      const b = rand() < 0.1 ? a : randomMap(rand);
      const delta = diffMaps(a, b);
      expect(canonical(applyDelta(a, delta))).toEqual(canonical(b));
      expect(isEmptyDelta(delta, a.truncated)).toBe(JSON.stringify(canonical(a)) === JSON.stringify(canonical(b)));
    }
  });

  it('the first event (from the empty map) adds everything', () => {
    const m = randomMap(prng(3));
    const d = diffMaps(EMPTY_MAP, m);
    expect(d.nodesAdded).toEqual(m.nodes);
    expect(d.edgesAdded).toEqual(m.edges);
    expect(d.nodesRemoved).toEqual([]);
  });
});
