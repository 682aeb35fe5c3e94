// Where a webhook may point (README, "Webhooks: targets"). A URL is http or https, without
// credentials or fragment, at most 2048 characters. Its host is resolved (every address DNS returns)
// and refused when any address is private, loopback, link-local, shared, multicast or reserved, unless
// the allow-list (WEBHOOK_ALLOWED_TARGETS: host names or CIDR networks) names it; outside production
// loopback is allowed, so a local receiver works with `npm start`. The same check runs at creation
// and inside every delivery's connection (guardedLookup), and the connection goes to the address that
// was checked, so a DNS answer that changes between the two (rebinding) is caught. Redirects are not
// followed: a 3xx answer is a failed attempt.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export const MAX_URL_LENGTH = 2048;

/** Networks no webhook may reach unless allowed (IANA special-purpose registries, IPv4 and IPv6). */
const SPECIAL: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], // "this network"
  ['10.0.0.0', 8, 'ipv4'], // private
  ['100.64.0.0', 10, 'ipv4'], // shared (carrier-grade NAT)
  ['127.0.0.0', 8, 'ipv4'], // loopback
  ['169.254.0.0', 16, 'ipv4'], // link-local (cloud metadata at 169.254.169.254)
  ['172.16.0.0', 12, 'ipv4'], // private
  ['192.0.0.0', 24, 'ipv4'], // IETF protocol assignments
  ['192.0.2.0', 24, 'ipv4'], // documentation
  ['192.168.0.0', 16, 'ipv4'], // private
  ['198.18.0.0', 15, 'ipv4'], // benchmarking
  ['198.51.100.0', 24, 'ipv4'], // documentation
  ['203.0.113.0', 24, 'ipv4'], // documentation
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved, broadcast
  ['::', 128, 'ipv6'], // unspecified
  ['::1', 128, 'ipv6'], // loopback
  ['64:ff9b::', 96, 'ipv6'], // NAT64 (reaches IPv4 addresses)
  ['100::', 64, 'ipv6'], // discard
  ['2001:db8::', 32, 'ipv6'], // documentation
  ['fc00::', 7, 'ipv6'], // unique local (private)
  ['fe80::', 10, 'ipv6'], // link-local
  ['fec0::', 10, 'ipv6'], // site-local (deprecated)
  ['ff00::', 8, 'ipv6'], // multicast
];

const special = new BlockList();
for (const [net, prefix, family] of SPECIAL) special.addSubnet(net, prefix, family);
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** What targets are allowed beyond public addresses. */
export interface TargetPolicy {
  /** Loopback is allowed outside production. */
  production: boolean;
  /** WEBHOOK_ALLOWED_TARGETS: host names (exact, case-insensitive) and CIDR networks (e.g. 10.1.0.0/16) allowed anyway. */
  allowed: readonly string[];
}

export class TargetRefusedError extends Error {}

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

function allowedNetworks(policy: TargetPolicy): BlockList {
  const list = new BlockList();
  for (const entry of policy.allowed) {
    const [net, bits] = entry.split('/');
    if (!net || !bits || !isIP(net)) continue;
    list.addSubnet(net, Number(bits), family(net));
  }
  return list;
}

/** Why an address may not be reached under the policy, or null when it may. */
export function addressRefusal(address: string, policy: TargetPolicy): string | null {
  const fam = family(address);
  if (!special.check(address, fam)) return null;
  if (!policy.production && loopback.check(address, fam)) return null;
  if (allowedNetworks(policy).check(address, fam)) return null;
  return `${address} is a private, loopback, link-local or reserved address (allow it with WEBHOOK_ALLOWED_TARGETS)`;
}

function hostAllowed(hostname: string, policy: TargetPolicy): boolean {
  const host = hostname.toLowerCase();
  return policy.allowed.some((entry) => !entry.includes('/') && entry.toLowerCase() === host);
}

/** The parsed URL, or why it cannot be a webhook target (shape only; addresses are checked by checkTarget). */
export function parseTargetUrl(raw: string): URL | string {
  if (raw.length > MAX_URL_LENGTH) return `A webhook URL is at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'A webhook URL is http or https';
  if (url.username || url.password) return 'A webhook URL carries no credentials (sign with the secret instead)';
  if (url.hash) return 'A webhook URL has no fragment';
  return url;
}

type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const resolveAll: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

function bareHost(url: URL): string {
  // new URL keeps IPv6 literals in brackets.
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Resolves the URL's host and checks every address; resolves to them, or rejects with
 * TargetRefusedError naming the first refused address (or the DNS failure).
 */
export async function checkTarget(url: URL, policy: TargetPolicy, resolve: Resolve = resolveAll): Promise<string[]> {
  const host = bareHost(url);
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch (err) {
    throw new TargetRefusedError(`The host ${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (addresses.length === 0) throw new TargetRefusedError(`The host ${host} has no address`);
  if (hostAllowed(host, policy)) return addresses.map((a) => a.address);
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, policy);
    if (refusal) throw new TargetRefusedError(`${host} resolves to ${refusal}`);
  }
  return addresses.map((a) => a.address);
}

/**
 * A `lookup` for http.request / https.request: resolves the host, refuses the connection when any
 * address is refused, and otherwise connects to the addresses it checked.
 */
export function guardedLookup(policy: TargetPolicy, resolve: Resolve = resolveAll): LookupFunction {
  return (hostname, options, callback) => {
    const url = new URL(`http://${isIP(hostname) === 6 ? `[${hostname}]` : hostname}/`);
    checkTarget(url, policy, resolve).then(
      (addresses) => {
        const all = addresses.map((address) => ({ address, family: isIP(address) }));
        if (options.all) (callback as (e: null, a: LookupAddress[]) => void)(null, all);
        else callback(null, all[0]!.address, all[0]!.family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
}
