// What the event tests share: a local webhook receiver that verifies every signature, a graphql-ws
// client against the real API, HTTP GraphQL calls with a bearer token, and waiting for a condition.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { verifySignature, SIGNATURE_HEADER, DELIVERY_ID_HEADER } from '../../src/events/webhook-signing.js';

export interface ReceivedDelivery {
  path: string;
  deliveryId: string;
  body: {
    id: string;
    webhookId: string;
    changes: {
      sequence: string;
      cursor: string;
      kind: string;
      entityType: string;
      entityId: string;
      fields: Record<string, unknown>;
      actor: string | null;
    }[];
  };
  raw: string;
  signature: string;
  /** Whether the signature verified with the secret registered for the path at the time it arrived. */
  verified: boolean;
  answered: number;
}

/**
 * A receiver on 127.0.0.1: `secrets` maps a path to its webhook's secret; `answer` decides the status
 * (default 200) for the n-th request (0-based) on a path. Every request is kept, verified or not.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  readonly secrets = new Map<string, string>();
  readonly answer = new Map<string, (n: number) => number>();
  private readonly counts = new Map<string, number>();
  private server: Server | undefined;
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req).then((status) => res.writeHead(status).end()));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  on(path: string): ReceivedDelivery[] {
    return this.received.filter((r) => r.path === path && r.answered >= 200 && r.answered < 300);
  }

  private async handle(req: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const n = this.counts.get(path) ?? 0;
    this.counts.set(path, n + 1);
    const signature = String(req.headers[SIGNATURE_HEADER] ?? '');
    const secret = this.secrets.get(path);
    const verified = secret !== undefined && verifySignature(secret, signature, raw);
    const status = verified ? (this.answer.get(path)?.(n) ?? 200) : 401;
    this.received.push({
      path,
      deliveryId: String(req.headers[DELIVERY_ID_HEADER] ?? ''),
      body: JSON.parse(raw) as ReceivedDelivery['body'],
      raw,
      signature,
      verified,
      answered: status,
    });
    return status;
  }
}

/** POSTs an operation with the token; returns the parsed body. */
export async function gql<T = any>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: T; errors?: any[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data: T; errors?: any[] };
}

/** Polls `check` every 50 ms until it returns a value other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 20_000,
  what = 'the condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A graphql-ws client for the API at `httpUrl` (…/graphql), not retrying, with the token in connectionParams. */
export function wsClient(httpUrl: string, token: string | null, onClosed?: (code: number, reason: string) => void): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed?.((event as { code: number }).code, String((event as { reason: string }).reason)) },
  });
}

/** A running subscription: its results as they arrive, and how it ended. */
export interface Subscribed<T> {
  results: { data?: T; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }[];
  done: Promise<{ error?: unknown }>;
  stop: () => void;
}

export function subscribe<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Subscribed<T> {
  const results: Subscribed<T>['results'] = [];
  let stop: () => void = () => undefined;
  const done = new Promise<{ error?: unknown }>((resolve) => {
    stop = client.subscribe<T>(
      { query, variables, ...(operationName ? { operationName } : {}) },
      {
        next: (r) => void results.push(r as Subscribed<T>['results'][number]),
        error: (error) => resolve({ error }),
        complete: () => resolve({}),
      },
    );
  });
  return { results, done, stop: () => stop() };
}
