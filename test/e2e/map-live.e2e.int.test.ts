// The map page updates live (issue 15): a partner created through the API in another tab appears on the
// drawn map and in the partner list without a reload (ecosystemMapChanged over graphql-ws), and goes when
// it is deleted. The API on a real socket over a real Neo4j, Debian's Chromium through playwright-core.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/auth/tokens.js';
import { DEFAULT_EVENTS } from '../../src/config.js';
import { importEcosystem } from '../../src/interchange/import.js';
import { createLogger } from '../../src/logger.js';
import { startApp, type RunningApp } from '../../src/server.js';
import { ensureWebBuild, launchChromium } from '../support/browser.js';
import { removeByPrefix, testExecutor, uniquePrefix } from '../support/db.js';
import { prefixedDemo } from '../support/demo.js';

const secret = 'e2e-live-secret-0123456789-0123456789-abc';
const db = testExecutor();
const prefix = uniquePrefix('live');
let app: RunningApp;
let browser: Browser;
let page: Page;
let otherTab: Page;
let baseUrl: string;
let token: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureWebBuild();
  const imported = await importEcosystem(db, prefixedDemo(prefix));
  if (!imported.ok) throw new Error(`the prefixed demo did not import: ${JSON.stringify(imported.problems.slice(0, 5))}`);
  app = await startApp(
    {
      executor: db,
      logger: createLogger('error'),
      auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } },
      events: { ...DEFAULT_EVENTS, pollMs: 200 },
    },
    '127.0.0.1',
    0,
  );
  baseUrl = app.url.replace(/\/graphql$/, '');
  token = await mintToken({ secret, role: 'ADMIN', subject: 'e2e-live', expiresIn: '1h' });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  otherTab = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && pageErrors.push(m.text())));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await removeByPrefix(db, prefix);
});

async function inOtherTab(query: string, variables: Record<string, unknown>): Promise<any> {
  return otherTab.evaluate(
    async ({ query, variables, token }) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    { query, variables, token },
  );
}

describe('the map page, live', { timeout: 240_000 }, () => {
  it('shows a partner created in another tab without a reload, and removes it when it is deleted', async () => {
    await page.goto(`${baseUrl}/`);
    await page.locator('#token-dialog').waitFor({ state: 'visible' });
    await page.locator('#token-input').fill(token);
    await page.locator('#token-save').click();
    const status = page.locator('#map-status[data-state="ready"][data-live="on"]');
    await status.waitFor({ timeout: 120_000 });
    const before = Number(await status.getAttribute('data-node-count'));
    // Set on this document: still there afterwards only if the page was not reloaded.
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));

    const id = `${prefix}live-partner`;
    await otherTab.goto(`${baseUrl}/healthz`);
    const created = await inOtherTab('mutation($input: CreatePartnerInput!) { createPartner(input: $input) { errors { message } } }', {
      input: { id, name: 'Live Partner Appears', types: ['TECHNOLOGY'] },
    });
    expect(created.data.createPartner.errors).toEqual([]);

    await page.locator(`#partner-list button[data-partner-id="${id}"]`).waitFor({ timeout: 60_000 });
    expect(await page.locator(`#partner-list button[data-partner-id="${id}"]`).textContent()).toBe('Live Partner Appears');
    await page.waitForFunction(
      (n) =>
        Number(
          (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document
            .querySelector('#map-status')
            ?.getAttribute('data-node-count'),
        ) === n,
      before + 1,
      {
        timeout: 30_000,
      },
    );
    expect(Number(await page.locator('#map-status').getAttribute('data-live-updates'))).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // The drawn graph has the node (the canvas handle the other browser test uses).
    expect(
      await page.evaluate(
        (pid) =>
          (globalThis as unknown as { ecosystemMap?: { viewportPosition(id: string): unknown } }).ecosystemMap?.viewportPosition(pid) !=
          null,
        id,
      ),
    ).toBe(true);

    const deleted = await inOtherTab('mutation($id: ID!) { deletePartner(id: $id) { deletedId errors { message } } }', { id });
    expect(deleted.data.deletePartner.deletedId).toBe(id);
    await page.locator(`#partner-list button[data-partner-id="${id}"]`).waitFor({ state: 'detached', timeout: 60_000 });
    await page.waitForFunction(
      (n) =>
        Number(
          (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document
            .querySelector('#map-status')
            ?.getAttribute('data-node-count'),
        ) === n,
      before,
      {
        timeout: 30_000,
      },
    );
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
