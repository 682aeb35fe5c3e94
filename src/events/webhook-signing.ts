// How a webhook delivery is signed (README, "Webhooks"): HMAC-SHA256 with the webhook's secret over
// `${timestamp}.${body}`, the timestamp being Unix seconds, sent as
// `Ecosystem-Signature: t=<timestamp>,v1=<hex digest>`. A receiver recomputes the digest over the raw
// body, compares in constant time and refuses a timestamp more than REPLAY_WINDOW_SECONDS away from
// its clock, so a captured request cannot be replayed later.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'ecosystem-signature';
export const DELIVERY_ID_HEADER = 'ecosystem-delivery-id';
/** A receiver accepts a signature whose timestamp is at most this far from its own clock (5 minutes). */
export const REPLAY_WINDOW_SECONDS = 300;

/** A new webhook secret: 32 random bytes, base64url (43 characters). */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The hex HMAC-SHA256 of `${timestamp}.${body}` under the secret. */
export function signatureDigest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The signature header's value for a body sent at `timestamp` (Unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureDigest(secret, timestamp, body)}`;
}

/**
 * A receiver's check: true when the header carries a `v1` digest of this raw body under the secret
 * and its `t` is within `toleranceSeconds` of `nowSeconds`. Constant-time comparison.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = REPLAY_WINDOW_SECONDS,
): boolean {
  if (!header) return false;
  const parts = new Map(header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isInteger(t) || !given || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureDigest(secret, t, body), 'hex');
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
