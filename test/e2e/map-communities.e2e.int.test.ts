// The map page at scale, end to end: the `medium` preset (2,000 partners, 20,000 customers, 100,000 accounts; more
// eligible partners than the community threshold), plus whatever else the test database holds, the API on a real socket, Debian's Chromium. The page must draw
// communities (as many as the API answers), show no overlapping labels, open a community on click and draw its
// members; it takes the README's picture of the community view.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEcosystem, PRESETS } from '../../seed/generator.js';
import { mintToken } from '../../src/auth/tokens.js';
import { bulkLoadEcosystem } from '../../src/interchange/bulk-load.js';
import { createLogger } from '../../src/logger.js';
import { startApp, type RunningApp } from '../../src/server.js';
import { expectData } from '../support/api.js';
import { ensureWebBuild, launchChromium } from '../support/browser.js';
import { removeByPrefix, testExecutor, uniquePrefix } from '../support/db.js';
import { prefixed } from '../support/fixture.js';

const secret = 'e2e-secret-0123456789-0123456789-abcdef';
const db = testExecutor();
const prefix = uniquePrefix('e2ec');
let app: RunningApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureWebBuild();
  const doc = prefixed(prefix, generateEcosystem(PRESETS.medium));
  // Batches small enough for the test server's transaction memory with the outbox's snapshots of each batch.
  const imported = await bulkLoadEcosystem(db, doc, { batchSize: 2_000 });
  if (!imported.ok) throw new Error(`the generated ecosystem did not import: ${JSON.stringify(imported.problems.slice(0, 5))}`);
  app = await startApp(
    { executor: db, logger: createLogger('error'), auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } } },
    '127.0.0.1',
    0,
  );
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await removeByPrefix(db, prefix);
});

async function status(view: string): Promise<{ nodes: number; edges: number }> {
  const s = page.locator(`#map-status[data-state="ready"][data-view="${view}"]`);
  await s.waitFor({ timeout: 300_000 });
  return { nodes: Number(await s.getAttribute('data-node-count')), edges: Number(await s.getAttribute('data-edge-count')) };
}

/** The drawn labels' boxes (viewport pixels, text measured in the page's label font); true when two overlap. */
async function labelsOverlap(): Promise<{ shown: number; overlaps: string[] }> {
  return page.evaluate(() => {
    // Runs in the page (the test's tsconfig has no DOM types).
    const w = globalThis as any;
    const ids: string[] = w.ecosystemMap.displayedLabels();
    const ctx = w.document.createElement('canvas').getContext('2d');
    ctx.font = '14px system-ui, sans-serif';
    const boxes = ids.flatMap((id: string) => {
      const at: { x: number; y: number } | null = w.ecosystemMap.viewportPosition(id);
      const label: string = w.__labels?.[id] ?? id;
      return at ? [{ id, x: at.x, y: at.y - 7, w: ctx.measureText(label).width, h: 14 }] : [];
    });
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps.push(`${a.id} / ${b.id}`);
      }
    return { shown: boxes.length, overlaps };
  });
}

// Communities on the medium network take seconds of GDS work per call: generous limits for a busy machine.
describe('the map page at scale', { timeout: 600_000 }, () => {
  it('asks for the token before any call (no 401), then draws communities: as many as the API answers, labels apart', async () => {
    const unauthorised: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 401) unauthorised.push(r.url());
    });
    await page.goto(`${app.url.replace(/\/graphql$/, '')}/`);
    await page.locator('#token-dialog').waitFor({ state: 'visible' });
    await page.locator('#token-input').fill(await mintToken({ secret, role: 'ADMIN', subject: 'e2e', expiresIn: '1h' }));
    await page.locator('#token-save').click();
    const counts = await status('communities');
    const { data } = await expectData(
      db,
      `{ ecosystemMap(input: { groupBy: COMMUNITY, limit: 300 }) { nodes { id: entityId label } edges { source } } }`,
    );
    expect(counts.nodes).toBe(data.ecosystemMap.nodes.length);
    expect(counts.edges).toBe(data.ecosystemMap.edges.length);
    expect(unauthorised).toEqual([]);
    const labels = Object.fromEntries((data.ecosystemMap.nodes as { id: string; label: string }[]).map((n) => [n.id, n.label]));
    await page.evaluate((l) => ((globalThis as any).__labels = l), labels);
    await page.waitForTimeout(500);
    const drawn = await labelsOverlap();
    expect(drawn.shown).toBeGreaterThan(0);
    expect(drawn.overlaps).toEqual([]);
    await page.screenshot({ path: resolve('docs/map-communities.png') });
  });

  it('opens the largest community on click and draws its members and their network edges', async () => {
    const { data } = await expectData(db, `{ partnerCommunities { communities(first: 1) { edges { node { id size } } } } }`);
    const biggest = data.partnerCommunities.communities.edges[0].node as { id: string; size: number };
    const at: { x: number; y: number } | null = await page.evaluate(
      (id) => (globalThis as any).ecosystemMap.viewportPosition(id),
      biggest.id,
    );
    expect(at).not.toBeNull();
    const box = (await page.locator('#map-canvas').boundingBox())!;
    await page.mouse.click(box.x + at!.x, box.y + at!.y);
    const counts = await status('community');
    const opened = await expectData(
      db,
      `query($id: ID!) { ecosystemMap(input: { groupBy: COMMUNITY, communityId: $id, limit: 2000 }) { nodes { id: entityId } edges { source } } }`,
      { id: biggest.id },
    );
    expect(counts.nodes).toBe(biggest.size);
    expect(counts.nodes).toBe(opened.data.ecosystemMap.nodes.length);
    expect(counts.edges).toBe(opened.data.ecosystemMap.edges.length);
    expect(await page.locator('#partner-list button[data-partner-id]').count()).toBe(biggest.size);
    await page.screenshot({ path: resolve('docs/map-community-open.png') });
    await page.locator('#map-colour').selectOption('community');
    await page.locator('#map-back').click();
    await status('communities');
  });

  it('adapts to a PARTNER token: the plain map, no panel calls it may not make (no FORBIDDEN)', async () => {
    // A refused root field is null with a FORBIDDEN error in a 200 answer (README, "HTTP status"): read the bodies.
    const forbidden: string[] = [];
    const reading: Promise<unknown>[] = [];
    page.on('response', (r) => {
      if (r.status() === 403) forbidden.push(r.url());
      if (!r.url().endsWith('/graphql') || r.request().method() !== 'POST') return;
      reading.push(
        r
          .json()
          .then((body: { errors?: { extensions?: { code?: string } }[] }) => {
            if (body.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) forbidden.push(`${r.url()} ${r.request().postData()}`);
          })
          .catch(() => undefined),
      );
    });
    const [own] = await db.runText<{ id: string }>(
      "MATCH (p:Partner) WHERE p.id STARTS WITH $prefix AND p.lifecycleStage = 'ACTIVE' RETURN p.id AS id ORDER BY p.id LIMIT 1",
      { prefix },
    );
    expect(own).toBeDefined();
    const token = await mintToken({ secret, role: 'PARTNER', partnerId: own!.id, subject: 'e2e-partner', expiresIn: '1h' });
    await page.evaluate((t) => (globalThis as any).localStorage.setItem('ecosystem-graph.token', t), token);
    await page.goto(`${app.url.replace(/\/graphql$/, '')}/`);
    await status('entities');
    const other = page.locator(`#partner-list button[data-partner-id]:not([data-partner-id="${own!.id}"])`).first();
    const otherId = await other.getAttribute('data-partner-id');
    await other.click();
    await page.locator(`#partner-panel[data-partner-id="${otherId}"]`).waitFor();
    await expect.poll(() => page.locator('#partner-matches').textContent()).toContain('Only for your own partner profile');
    expect(await page.locator('#overlap-form').isHidden()).toBe(true);
    await page.locator(`#partner-list button[data-partner-id="${own!.id}"]`).click();
    await page.locator('#partner-matches > ol.matches, #partner-matches > p:not(.loading)').first().waitFor();
    expect(await page.locator('#partner-matches').textContent()).not.toContain('Only for your own partner profile');
    await page.locator('#partner-deals > ul.deals, #partner-deals > p:not(.loading)').first().waitFor();
    await Promise.all(reading);
    expect(reading.length).toBeGreaterThan(0);
    expect(forbidden).toEqual([]);
  });

  it('ran without errors in the page', () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });
});
