// The map page end to end: the API on a real socket over a real Neo4j, the built page, and Debian's
// Chromium driven by playwright-core. The demo ecosystem is loaded under a unique id prefix; every
// check compares what the page shows with what the API answers for the same question.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/auth/tokens.js';
import { importEcosystem } from '../../src/interchange/import.js';
import { createLogger } from '../../src/logger.js';
import { startApp, type RunningApp } from '../../src/server.js';
import { expectData } from '../support/api.js';
import { ensureWebBuild, launchChromium } from '../support/browser.js';
import { removeByPrefix, testExecutor, uniquePrefix } from '../support/db.js';
import { prefixedDemo } from '../support/demo.js';

const SCREENSHOT = resolve('docs/map.png');
const secret = 'e2e-secret-0123456789-0123456789-abcdef';

const db = testExecutor();
const prefix = uniquePrefix('e2e');
const id = (demoId: string) => `${prefix}${demoId}`;
let app: RunningApp;
let browser: Browser;
let page: Page;
let baseUrl: string;
const pageErrors: string[] = [];
const savedSolutionIds: string[] = [];

beforeAll(async () => {
  ensureWebBuild();
  const imported = await importEcosystem(db, prefixedDemo(prefix));
  if (!imported.ok) throw new Error(`the prefixed demo did not import: ${JSON.stringify(imported.problems.slice(0, 5))}`);
  app = await startApp(
    { executor: db, logger: createLogger('error'), auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } } },
    '127.0.0.1',
    0,
  );
  baseUrl = app.url.replace(/\/graphql$/, '');
  // launch() gives every run a fresh temporary profile (its own --user-data-dir).
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // A Content-Security-Policy violation (the page's CSP: src/http/security-headers.ts) counts as an error of the page.
  page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && pageErrors.push(m.text())));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  for (const solutionId of savedSolutionIds)
    await db.runText('MATCH (s:Solution {id: $solutionId}) DETACH DELETE s', { solutionId }, 'WRITE');
  await removeByPrefix(db, prefix);
});

async function mapStatus(): Promise<{ nodes: number; edges: number; shown: number }> {
  const status = page.locator('#map-status[data-state="ready"]');
  await status.waitFor({ timeout: 30_000 });
  const read = async (name: string) => Number(await status.getAttribute(name));
  return { nodes: await read('data-node-count'), edges: await read('data-edge-count'), shown: await read('data-shown-count') };
}

async function openPanelFromList(partnerId: string): Promise<void> {
  await page.locator(`#partner-list button[data-partner-id="${partnerId}"]`).click();
  await page.locator(`#partner-panel[data-partner-id="${partnerId}"]`).waitFor();
  await page.locator('#partner-matches > ol.matches, #partner-matches > p:not(.loading)').first().waitFor();
}

describe('the map page', () => {
  it('is served at / (the query page stays at /graphiql), with its files under /app/ and nothing outside', async () => {
    const html = await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    const text = await html.text();
    expect(text).toContain('<title>Ecosystem map</title>');
    const script = /src="(\/app\/[^"]+\.js)"/.exec(text)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${baseUrl}/app/..%2f..%2fpackage.json`)).status).toBe(404);
    const graphiql = await (await fetch(`${baseUrl}/graphiql`, { headers: { accept: 'text/html' } })).text();
    expect(graphiql).toContain('graphiql.min.js');
  });

  it('asks for a token, then draws the ecosystem: the node count is what the API answers', async () => {
    await page.goto(`${baseUrl}/`);
    await page.locator('#token-dialog').waitFor({ state: 'visible' });
    await page.locator('#token-input').fill(await mintToken({ secret, role: 'ADMIN', subject: 'e2e', expiresIn: '1h' }));
    await page.locator('#token-save').click();
    const counts = await mapStatus();

    const { data } = await expectData(
      db,
      `query ($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id: entityId kind } edges { source } } }`,
      {
        input: { kinds: ['PARTNER', 'CAPABILITY'], limit: 2000 },
      },
    );
    expect(counts.nodes).toBe(data.ecosystemMap.nodes.length);
    expect(counts.edges).toBe(data.ecosystemMap.edges.length);
    expect(counts.shown).toBe(counts.nodes);
    const demo = prefixedDemo(prefix) as { partners: { id: string }[]; capabilities: { id: string }[] };
    const drawn = new Set((data.ecosystemMap.nodes as { id: string }[]).map((n) => n.id));
    for (const entity of [...demo.partners, ...demo.capabilities]) expect(drawn, entity.id).toContain(entity.id);
    const listed = await page
      .locator('#partner-list button[data-partner-id]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-partner-id')));
    expect(listed).toEqual(expect.arrayContaining(demo.partners.map((p) => p.id)));
  });

  it('filters the map by partner type through the API', async () => {
    await page.locator('#filter-type').selectOption('RESELLER');
    await page.waitForFunction('new URLSearchParams(location.search).get("type") === "RESELLER"');
    const counts = await mapStatus();
    const { data } = await expectData(
      db,
      `query ($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id: entityId kind } } }`,
      {
        input: { kinds: ['PARTNER', 'CAPABILITY'], partnerTypes: ['RESELLER'], limit: 2000 },
      },
    );
    expect(counts.nodes).toBe(data.ecosystemMap.nodes.length);
    await page.locator('#filter-type').selectOption('');
    await page.waitForFunction('!new URLSearchParams(location.search).has("type")');
    await mapStatus();
  });

  it('redraws the map as of a chosen date: a relationship ended before today shows on the earlier date, not today', async () => {
    const MAP_EDGES = `query ($input: EcosystemMapInput) { ecosystemMap(input: $input) { nodes { id } edges { source target kind } } }`;
    const ended = (edges: { source: string; target: string; kind: string }[]) =>
      edges.some(
        (e) =>
          e.kind === 'INTEGRATES_WITH' && [e.source, e.target].sort().join(' ') === [id('p.ironworks'), id('p.kubeguard')].sort().join(' '),
      );
    // Ironworks' KubeGuard integration held from 2024-01-07 to 2025-12-10 (the demo's history).
    await page.locator('#filter-as-of').fill('2025-01-01');
    await page.locator('#filter-as-of').dispatchEvent('change');
    await page.waitForFunction('new URLSearchParams(location.search).get("asof") === "2025-01-01"');
    await page.locator('#map-status[data-state="ready"]', { hasText: 'as of 2025-01-01' }).waitFor({ timeout: 30_000 });
    const earlier = await mapStatus();
    const then = await expectData(db, MAP_EDGES, {
      input: { kinds: ['PARTNER', 'CAPABILITY'], limit: 2000, asOf: '2025-01-01T23:59:59.999Z' },
    });
    expect(earlier.nodes).toBe(then.data.ecosystemMap.nodes.length);
    expect(earlier.edges).toBe(then.data.ecosystemMap.edges.length);
    expect(ended(then.data.ecosystemMap.edges)).toBe(true);

    await page.locator('#filter-as-of').fill('');
    await page.locator('#filter-as-of').dispatchEvent('change');
    await page.waitForFunction('!new URLSearchParams(location.search).has("asof")');
    await page.locator('#map-status[data-state="ready"]:not(:has-text("as of"))').waitFor({ timeout: 30_000 });
    const today = await mapStatus();
    const now = await expectData(db, MAP_EDGES, { input: { kinds: ['PARTNER', 'CAPABILITY'], limit: 2000 } });
    expect(today.edges).toBe(now.data.ecosystemMap.edges.length);
    expect(ended(now.data.ecosystemMap.edges)).toBe(false);
    expect(today.edges).not.toBe(earlier.edges);
  });

  it('opens a partner panel from the partner list with its matches, impact and account overlap', async () => {
    const partnerId = id('p.harborview');
    await openPanelFromList(partnerId);
    await expect.poll(() => page.locator('#partner-panel-title').textContent()).toBe('Harborview Technologies');
    const { data } = await expectData(
      db,
      `query ($id: ID!) { partnerMatches(partnerId: $id, first: 5) { partner { id } reasons } partnerImpact(partnerId: $id) { capabilitiesLost { id } } }`,
      { id: partnerId },
    );
    expect(data.partnerMatches.length).toBeGreaterThan(0);
    const shown = await page
      .locator('#partner-matches li[data-match-id]')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-match-id')));
    expect(shown).toEqual(data.partnerMatches.map((m: { partner: { id: string } }) => m.partner.id));
    const firstReasons = await page.locator('#partner-matches li[data-match-id] >> nth=0').locator('ul.reasons li').allTextContents();
    expect(firstReasons).toEqual(data.partnerMatches[0].reasons);
    await page.locator('#partner-impact dl.impact').waitFor();
    expect(await page.locator('#partner-impact dt').first().textContent()).toBe(
      `Capabilities lost (${data.partnerImpact.capabilitiesLost.length})`,
    );

    const otherId = data.partnerMatches[0].partner.id as string;
    await page.locator(`#partner-matches li[data-match-id="${otherId}"] button.small`).click();
    const overlap = await expectData(
      db,
      `query ($id: ID!, $other: ID!) { accountOverlap(partnerId: $id, otherPartnerId: $other) { sharedCustomerCount } }`,
      { id: partnerId, other: otherId },
    );
    await expect
      .poll(() => page.locator('#overlap-result [data-shared-count]').getAttribute('data-shared-count'))
      .toBe(String(overlap.data.accountOverlap.sharedCustomerCount));

    // The README's picture: the map with a partner's panel open.
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.waitForTimeout(600); // the camera's move to the partner (400 ms) ends first
    await page.screenshot({ path: SCREENSHOT });
  });

  it('opens the same panel when a partner is clicked on the canvas', async () => {
    await page.locator('#partner-panel-close').click();
    await expect.poll(() => page.locator('#partner-panel').isHidden()).toBe(true);
    await page.locator('#zoom-reset').click();
    const partnerId = id('p.cloudnova');
    // Wait until the camera has stopped moving: the drawn position is then where a click lands.
    let position: { x: number; y: number } | null = null;
    await expect
      .poll(
        async () => {
          const now: { x: number; y: number } | null = await page.evaluate(
            `window.ecosystemMap.viewportPosition(${JSON.stringify(partnerId)})`,
          );
          const settled = now !== null && position !== null && Math.abs(now.x - position.x) < 0.5 && Math.abs(now.y - position.y) < 0.5;
          position = now;
          return settled;
        },
        { interval: 200 },
      )
      .toBe(true);
    const box = (await page.locator('#map-canvas').boundingBox())!;
    const at = position as unknown as { x: number; y: number };
    expect(at.x).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(box.width);
    expect(at.y).toBeGreaterThan(0);
    expect(at.y).toBeLessThan(box.height);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.locator(`#partner-panel[data-partner-id="${partnerId}"]`).waitFor();
    await expect.poll(() => page.locator('#partner-panel-title').textContent()).toBe('CloudNova');
  });

  it('finds a partner with the search box (autocomplete, keyboard) and opens its panel', async () => {
    await page.locator('#search-input').fill('Harborview');
    const option = page.locator(`#search-results [role="option"][data-id="${id('p.harborview')}"]`);
    await option.waitFor();
    await page.locator('#search-input').press('ArrowDown');
    expect(await page.locator('#search-input').getAttribute('aria-activedescendant')).toBe('search-option-0');
    const firstId = await page.locator('#search-results [role="option"]').first().getAttribute('data-id');
    expect(firstId).toBe(id('p.harborview'));
    await page.locator('#search-input').press('Enter');
    await page.locator(`#partner-panel[data-partner-id="${id('p.harborview')}"]`).waitFor();
    await expect.poll(() => page.locator('#partner-panel-title').textContent()).toBe('Harborview Technologies');
  });

  it('shows the gaps: each capability × region cell is what gapAnalysis answers, with the partners behind it', async () => {
    await page.locator('#tab-gaps').click();
    await page.locator('#gaps-table').waitFor({ timeout: 30_000 });
    expect(await page.locator('#map-canvas').isVisible()).toBe(false);
    const cells = await page.locator('#gaps-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => ({
        capabilityId: row.getAttribute('data-capability-id')!,
        byRegion: Object.fromEntries(
          [...row.querySelectorAll('td[data-region]')].map((td) => [td.getAttribute('data-region')!, td.getAttribute('data-status')]),
        ),
      })),
    );
    const gapQuery = `query ($region: String) { gapAnalysis(region: $region) { capabilities { capability { id } status supply } } }`;
    const all = (await expectData(db, gapQuery, { region: null })).data.gapAnalysis.capabilities as {
      capability: { id: string };
      status: string;
      supply: number;
    }[];
    expect(cells.map((c) => c.capabilityId)).toEqual(all.map((c) => c.capability.id));
    expect(cells.map((c) => c.byRegion[''])).toEqual(all.map((c) => c.status));
    for (const region of ['APAC', 'EMEA', 'LATAM', 'NA']) {
      const report = (await expectData(db, gapQuery, { region })).data.gapAnalysis.capabilities as {
        capability: { id: string };
        status: string;
      }[];
      const expected = new Map(report.map((c) => [c.capability.id, c.status]));
      for (const cell of cells)
        expect(cell.byRegion[region] ?? null, `${cell.capabilityId} in ${region}`).toBe(expected.get(cell.capabilityId) ?? null);
    }
    const demoGaps = all.filter((c) => c.capability.id.startsWith(prefix) && c.status === 'GAP');
    expect(demoGaps.length).toBeGreaterThan(0);
    expect(await page.locator('#gaps-table td.status-gap').count()).toBeGreaterThanOrEqual(demoGaps.length);

    // A covered cell lists exactly its eligible suppliers.
    const covered = all.find((c) => c.capability.id.startsWith(prefix) && c.status === 'COVERED')!;
    await page.locator(`#gaps-table tr[data-capability-id="${covered.capability.id}"] td[data-region=""] button`).click();
    await page.locator('#gap-partners-title').waitFor();
    expect(await page.locator('#gap-partners li button[data-partner-id]').count()).toBe(covered.supply);
  });

  it('assembles a solution, shows who covers what, and saves a proposal as a DRAFT', async () => {
    await page.locator('#tab-builder').click();
    const capabilityIds = [id('cap.edr'), id('cap.siem'), id('cap.iam')];
    for (const capabilityId of capabilityIds) await page.locator(`#builder-capabilities input[value="${capabilityId}"]`).check();
    await page.locator('#builder-form button[type="submit"]').click();
    await page.locator('#builder-summary').waitFor({ timeout: 30_000 });
    const { data } = await expectData(
      db,
      `query ($input: AssembleSolutionInput!) { assembleSolution(input: $input) { proposals { partnerCount partners { partner { id } covers { id } suggestedRole } } } }`,
      {
        input: { capabilityIds, maxPartners: 5, limit: 5 },
      },
    );
    const proposals = data.assembleSolution.proposals as {
      partnerCount: number;
      partners: { partner: { id: string }; covers: { id: string }[]; suggestedRole: string }[];
    }[];
    expect(proposals.length).toBeGreaterThan(0);
    expect(Number(await page.locator('#builder-summary').getAttribute('data-proposal-count'))).toBe(proposals.length);
    const first = page.locator('#builder-result li.proposal').first();
    const members = await first.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-partner-id')));
    expect(members).toEqual(proposals[0]!.partners.map((m) => m.partner.id));

    await first.locator('input[name="name"]').fill(`${prefix}Managed detection`);
    await first.locator('button[type="submit"]').click();
    const outcome = first.locator('.save-outcome[data-solution-id]');
    await outcome.waitFor({ timeout: 30_000 });
    const solutionId = (await outcome.getAttribute('data-solution-id'))!;
    savedSolutionIds.push(solutionId);
    const saved = await expectData(
      db,
      `query ($id: ID!) { solution(id: $id) { name status requires { id } members { partner { id } role } } }`,
      { id: solutionId },
    );
    expect(saved.data.solution).toEqual({
      name: `${prefix}Managed detection`,
      status: 'DRAFT',
      requires: [...capabilityIds].sort().map((c) => ({ id: c })),
      members: proposals[0]!.partners
        .map((m) => ({ partner: { id: m.partner.id }, role: m.suggestedRole }))
        .sort((a, b) => (a.partner.id < b.partner.id ? -1 : 1)),
    });
  });

  it('ran without errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
