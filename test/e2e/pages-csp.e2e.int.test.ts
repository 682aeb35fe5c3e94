// The two pages under their Content-Security-Policy in a real browser (Debian's Chromium through
// playwright-core): each loads with no CSP violation and works, GraphiQL included (it runs a
// query with a token and opens its settings dialog), and neither may be framed by another site.
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/auth/tokens.js';
import { webPageBuilt } from '../../src/http/web-page.js';
import { createLogger } from '../../src/logger.js';
import { startApp, type RunningApp } from '../../src/server.js';
import { launchChromium } from '../support/browser.js';
import { testExecutor } from '../support/db.js';

const secret = 'csp-e2e-secret-0123456789-0123456789-abcdef';

let app: RunningApp;
let browser: Browser;
let base: string;
let framer: Server;
let framerUrl: string;

beforeAll(async () => {
  app = await startApp(
    { executor: testExecutor(), logger: createLogger('error'), auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } } },
    '127.0.0.1',
    0,
  );
  base = app.url.replace(/\/graphql$/, '');
  // Another site (another origin: another port) that tries to frame the pages.
  framer = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><iframe id="framed" src="${base}${new URL(req.url ?? '/', 'http://x').searchParams.get('path') ?? '/'}"></iframe>`,
    );
  });
  await new Promise<void>((r) => framer.listen(0, '127.0.0.1', r));
  framerUrl = `http://127.0.0.1:${(framer.address() as { port: number }).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  framer?.close();
  await app?.stop();
});

/** A fresh page recording CSP violations (the DOM event and the console's report) and page errors. */
async function watchedPage(init?: string): Promise<{ page: Page; violations: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  // Runs in the page (a string: this file is compiled without the DOM's types).
  await page.addInitScript(
    `document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI));`,
  );
  if (init) await page.addInitScript(init);
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, violations, errors };
}

describe('GraphiQL under its CSP', () => {
  it('loads, runs a query with a token and opens its settings, with no CSP violation', async () => {
    const token = await mintToken({ secret, role: 'ADMIN', subject: 'csp-e2e', expiresIn: '1h' });
    const headers = JSON.stringify({ Authorization: `Bearer ${token}` });
    const { page, violations, errors } = await watchedPage(
      `localStorage.setItem('graphiql:headers', ${JSON.stringify(headers)}); localStorage.setItem('graphiql:query', '{ health { version database } }');`,
    );
    const response = await page.goto(`${base}/graphiql`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').textContent(), { timeout: 30_000 }).toContain('"version": "0.1.0"');
    expect(await page.locator('.result-window').textContent()).toContain('"database": true');
    // A dialog (settings) exercises GraphiQL's dynamic styles.
    await page.locator('button[aria-label="Open settings dialog"]').click();
    await page.locator('.graphiql-dialog').first().waitFor();
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('fetches the schema again once a token is pasted into the Headers tab', async () => {
    const token = await mintToken({ secret, role: 'ADMIN', subject: 'csp-e2e', expiresIn: '1h' });
    const { page, errors } = await watchedPage();
    await page.goto(`${base}/graphiql`);
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    // With the placeholder token the introspection is refused: no root types to browse.
    await expect.poll(() => page.locator('.graphiql-doc-explorer').textContent(), { timeout: 30_000 }).toContain('Error fetching schema');
    await page.getByRole('button', { name: 'Headers' }).click();
    // The Headers tab's editor (the variables editor beside it is hidden), through CodeMirror's own API.
    const headers = JSON.stringify({ Authorization: `Bearer ${token}` });
    // Runs in the page (a string: this file is compiled without the DOM's types).
    await page.evaluate(
      `document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror').CodeMirror.setValue(${JSON.stringify(headers)})`,
    );
    await expect.poll(() => page.locator('.graphiql-doc-explorer').textContent(), { timeout: 30_000 }).toContain('Root Types');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the map page under its CSP', () => {
  it('loads and asks for a token with no CSP violation', async () => {
    expect(webPageBuilt(), 'the map page is built (npm run web:build; the map e2e test builds it)').toBe(true);
    const { page, violations, errors } = await watchedPage();
    const response = await page.goto(`${base}/`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('#token-dialog').waitFor({ state: 'visible' });
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('framing', () => {
  it('another site cannot frame the map page or GraphiQL', async () => {
    for (const path of ['/', '/graphiql']) {
      const page = await browser.newPage();
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/frame-ancestors/.test(m.text())) blocked.push(m.text());
      });
      await page.goto(`${framerUrl}?path=${encodeURIComponent(path)}`);
      await expect.poll(() => blocked.length, { timeout: 10_000 }).toBeGreaterThan(0);
      // The framed document never became the page: its frame holds nothing of ours.
      const frame = page.frames().find((f) => f !== page.mainFrame());
      const title = frame ? await frame.title().catch(() => '') : '';
      expect(title, path).not.toMatch(/Ecosystem/);
      await page.close();
    }
  });
});
