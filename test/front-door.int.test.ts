// The front door's answers beyond GraphQL (issue 11): the pages' security headers, tokens with
// an unbounded lifetime or a future iat refused over HTTP, the token limit as a 400, and an
// unexpected database error logged with its operation's name (never its parameters).
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../src/auth/tokens.js';
import { createLogger } from '../src/logger.js';
import { DEFAULT_LIMITS, startApp, type RunningApp } from '../src/server.js';
import { testExecutor, uniquePrefix } from './support/db.js';

const secret = 'front-door-secret-0123456789-0123456789-ab';
const db = testExecutor();
const logLines: string[] = [];
let app: RunningApp;
let base: string;

beforeAll(async () => {
  app = await startApp(
    {
      executor: db,
      logger: createLogger('info', (line) => logLines.push(line)),
      production: true,
      auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
      limits: DEFAULT_LIMITS,
    },
    '127.0.0.1',
    0,
  );
  base = app.url.replace(/\/graphql$/, '');
});
afterAll(() => app.stop());

async function post(body: unknown, token?: string) {
  const res = await fetch(app.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token ?? (await mintToken({ secret, role: 'ADMIN', subject: 'front', expiresIn: '1h' }))}`,
    },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] },
  };
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | null): Map<string, string[]> {
  expect(csp).toBeTruthy();
  return new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it('sends a CSP that forbids framing, inline script and eval on the query page', async () => {
    const res = await fetch(`${base}/graphiql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    const scripts = csp.get('script-src')!;
    expect(scripts).toContain("'self'");
    expect(scripts.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    // The one inline script is allowed by its hash, and only that one.
    expect(scripts.filter((s) => s.startsWith("'sha256-"))).toHaveLength(1);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends the same policy without inline hashes on the map page, when it is built', async () => {
    const res = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    const html = await res.text();
    if (html.includes('<title>Ecosystem map</title>')) expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('marks API answers and errors nosniff and unframeable too', async () => {
    for (const path of ['/graphql', '/healthz', '/nope']) {
      const res = await fetch(`${base}${path}`, { headers: { accept: 'application/json' } });
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });
});

describe('token lifetime over HTTP', () => {
  const key = new TextEncoder().encode(secret);
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (iat: number, exp: number) =>
    new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setIssuedAt(iat).setExpirationTime(exp).sign(key);

  it('refuses a token valid until 9999 and one issued in the future with 401, accepts a 30-day one', async () => {
    const forever = await sign(now(), Math.floor(Date.UTC(9999, 0, 1) / 1000));
    const future = await sign(now() + 86_400, now() + 2 * 86_400);
    for (const [token, message] of [
      [forever, /lives longer than 30 days/],
      [future, /issued in the future/],
    ] as const) {
      const r = await post({ query: '{ health { version } }' }, token);
      expect(r.status).toBe(401);
      expect(r.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
      expect(r.body.errors?.[0]?.message).toMatch(message);
    }
    const month = await mintToken({ secret, role: 'ADMIN', subject: 'x', expiresIn: '30d' });
    expect((await post({ query: '{ health { version } }' }, month)).status).toBe(200);
  });
});

describe('the token limit', () => {
  it('refuses a document over MAX_TOKENS with 400 GRAPHQL_VALIDATION_FAILED, without aliases', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxTokens }, () => 'version').join(' ');
    const r = await post({ query: `{ health { ${fields} } }` });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors?.[0]?.message).toMatch(/token limit of 5000/i);
  });

  it('accepts a document at the limit that comments make longer', async () => {
    const fields = Array.from({ length: 100 }, () => 'version # a comment is not a token').join('\n');
    const r = await post({ query: `{ health { ${fields}\n} }` });
    expect(r.status).toBe(200);
  });

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
    for (const query of ['{ health { version }', '{ health { version } } # ok\n}', 'query {']) {
      const r = await post({ query });
      expect(r.status, query).toBe(400);
      expect(r.body.errors?.[0]?.extensions.code, query).toBe('GRAPHQL_PARSE_FAILED');
    }
  });
});

describe('unexpected database errors', () => {
  it('answers "Unexpected error." and logs one line with the operation name and the cause, not the variables', async () => {
    const id = `${uniquePrefix('front-log')}cap`;
    // A real database error: a capability whose name is not a string makes toLower() fail in Neo4j.
    await db.runText('CREATE (:Capability {id: $id, name: 42, category: "x"})', { id }, 'WRITE');
    try {
      logLines.length = 0;
      const needle = 'needle-3f1c9a';
      const r = await post({
        query: 'query FindCapabilities($text: String) { capabilities(filter: { nameContains: $text }) { totalCount } }',
        variables: { text: needle },
        operationName: 'FindCapabilities',
      });
      expect(r.body.errors?.[0]?.message).toBe('Unexpected error.');
      expect(r.body.errors?.[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      const lines = logLines.filter((l) => l.includes('unexpected error'));
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines[0]).toMatch(/ERROR unexpected error/);
      expect(lines[0]).toContain('"operation":"FindCapabilities"');
      expect(lines[0]).toMatch(/"code":"Neo\.[A-Za-z.]+"/);
      expect(lines[0]).toContain('"path":"capabilities');
      for (const line of logLines) expect(line).not.toContain(needle);
    } finally {
      await db.runText('MATCH (c:Capability {id: $id}) DETACH DELETE c', { id }, 'WRITE');
    }
  });

  it('logs nothing for a client error', async () => {
    logLines.length = 0;
    const r = await post({ query: 'query Bad { partners(first: 100000) { totalCount } }', operationName: 'Bad' });
    expect(r.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(logLines.filter((l) => l.includes('unexpected error'))).toEqual([]);
  });
});
