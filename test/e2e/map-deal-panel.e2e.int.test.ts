// The map page's deal panel end to end (issue 18): the API on a real socket over a real Neo4j, the built
// page and Debian's Chromium through playwright-core. Deals registered through the API under the rules of
// engagement (one approved, one in conflict with it, one won with a frozen attribution that a participant
// disputed and the vendor revised) are opened from a partner's panel; the decision, its explanation and the
// attribution the page shows must equal what the API answers for the same deal.
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../src/auth/tokens.js';
import type { Viewer } from '../../src/context.js';
import { createLogger } from '../../src/logger.js';
import { startApp, type RunningApp } from '../../src/server.js';
import { expectData } from '../support/api.js';
import { ensureWebBuild, launchChromium } from '../support/browser.js';
import { removeByPrefix, testExecutor, uniquePrefix } from '../support/db.js';
import { loadFixture, prefixed } from '../support/fixture.js';

const SCREENSHOT = resolve('docs/map-deal-panel.png');
const secret = 'e2e-secret-0123456789-0123456789-abcdef';
const db = testExecutor();
const px = uniquePrefix('dealpanel');
const id = (name: string) => `${px}${name}`;
let app: RunningApp;
let browser: Browser;
let page: Page;
let baseUrl: string;
const pageErrors: string[] = [];

const REGISTER = `mutation($input: RegisterDealInput!) { registerDeal(input: $input) { deal { id } errors { path message code } } }`;
const DEAL = `query($id: ID!) { deal(id: $id) { name
  registrationDecision { status rule policyVersion explanation conflictsWith { id name } }
  attributionSnapshot { model policyVersion revised shares { partner { id } share { amount currency } } dispute { status reason resolutionNote } } } }`;

async function register(input: Record<string, unknown>): Promise<void> {
  const { registerDeal } = (await expectData(db, REGISTER, { input })).data;
  expect(registerDeal.errors).toEqual([]);
}

beforeAll(async () => {
  ensureWebBuild();
  await loadFixture(
    db,
    prefixed(px, {
      partners: [
        { id: 'r1', name: 'Aldgate Resellers', types: ['RESELLER' as const], regions: ['EMEA'] },
        { id: 'r2', name: 'Bow Resellers', types: ['RESELLER' as const], regions: ['EMEA'] },
        { id: 'si', name: 'Cheapside Integrators', types: ['SERVICES' as const], regions: ['EMEA'] },
      ],
      customers: [
        { id: 'c1', name: 'Dalston Bank', region: 'EMEA' },
        { id: 'c2', name: 'Euston Retail', region: 'EMEA' },
      ],
    }),
  );
  // r1 holds Dalston Bank; r2 registers on it later: in conflict (the built-in rules: resellers conflict).
  await register({
    id: id('first'),
    name: 'Dalston core banking',
    customerId: id('c1'),
    amount: '250000.00',
    currency: 'EUR',
    createdAt: '2026-03-01T09:00:00Z',
    participants: [{ partnerId: id('r1'), role: 'RESELLER', sourced: true }],
  });
  await register({
    id: id('second'),
    name: 'Dalston payments',
    customerId: id('c1'),
    amount: '90000.00',
    currency: 'EUR',
    createdAt: '2026-03-02T09:00:00Z',
    participants: [{ partnerId: id('r2'), role: 'RESELLER' }],
  });
  // Won at registration: its attribution is frozen; the SI disputes it and the vendor revises it.
  await register({
    id: id('won'),
    name: 'Euston stores rollout',
    customerId: id('c2'),
    amount: '1001',
    currency: 'JPY',
    stage: 'CLOSED_WON',
    createdAt: '2026-04-01T09:00:00Z',
    closedAt: '2026-05-01T09:00:00Z',
    participants: [
      { partnerId: id('r2'), role: 'RESELLER', sourced: true },
      { partnerId: id('si'), role: 'SERVICES' },
    ],
  });
  const si: Viewer = { role: 'PARTNER', subject: 'si-user', partnerId: id('si') };
  const disputed = (
    await expectData(
      db,
      `mutation($d: ID!) { disputeAttribution(dealId: $d, reason: "We ran the rollout") { errors { code } } }`,
      { d: id('won') },
      si,
    )
  ).data.disputeAttribution;
  expect(disputed.errors).toEqual([]);
  const resolved = (
    await expectData(
      db,
      `mutation($input: ResolveAttributionDisputeInput!) { resolveAttributionDispute(input: $input) { errors { code } } }`,
      {
        input: {
          dealId: id('won'),
          decision: 'REVISE',
          note: 'Half each',
          shares: [
            { partnerId: id('r2'), amount: '501' },
            { partnerId: id('si'), amount: '500' },
          ],
        },
      },
    )
  ).data.resolveAttributionDispute;
  expect(resolved.errors).toEqual([]);

  app = await startApp(
    { executor: db, logger: createLogger('error'), auth: { enabled: true, secret, verifier: { kind: 'hs256', secret } } },
    '127.0.0.1',
    0,
  );
  baseUrl = app.url.replace(/\/graphql$/, '');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && pageErrors.push(m.text())));
  await page.goto(`${baseUrl}/`);
  await page.locator('#token-dialog').waitFor({ state: 'visible' });
  await page.locator('#token-input').fill(await mintToken({ secret, role: 'ADMIN', subject: 'e2e', expiresIn: '1h' }));
  await page.locator('#token-save').click();
  await page.locator('#map-status[data-state="ready"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await removeByPrefix(db, px);
});

/** Opens a partner's panel through the search box (the map may draw communities when the database is large). */
async function openPartner(partnerId: string, name: string): Promise<void> {
  await page.locator('#search-input').fill(name);
  await page.locator(`#search-results [role="option"][data-id="${partnerId}"]`).click();
  await page.locator(`#partner-panel[data-partner-id="${partnerId}"]`).waitFor();
  await page.locator('#partner-deals > ul.deals, #partner-deals > p:not(.loading)').first().waitFor();
}

/** What the deal panel shows: the decision's fields, the explanation, the conflicts and the frozen shares. */
async function shownDeal() {
  const decision = page.locator('#deal-decision');
  await decision.waitFor();
  const attribution = page.locator('#deal-attribution');
  return {
    title: await page.locator('#deal-panel-title').textContent(),
    status: await decision.getAttribute('data-status'),
    rule: await decision.getAttribute('data-rule'),
    policyVersion: await decision.getAttribute('data-policy-version'),
    explanation: await page.locator('#deal-explanation').textContent(),
    conflictsWith: await page
      .locator('#deal-decision [data-field="conflictsWith"] button[data-deal-id]')
      .evaluateAll((buttons) => buttons.map((b) => ({ id: b.getAttribute('data-deal-id'), name: b.textContent }))),
    model: await attribution.getAttribute('data-model'),
    revised: await attribution.getAttribute('data-revised'),
    shares: await page.locator('#deal-attribution tr[data-partner-id]').evaluateAll((rows) =>
      rows.map((r) => ({
        partner: { id: r.getAttribute('data-partner-id') },
        share: { amount: r.getAttribute('data-amount'), currency: r.getAttribute('data-currency') },
      })),
    ),
    dispute: await page
      .locator('#deal-attribution [data-dispute-status]')
      .getAttribute('data-dispute-status', { timeout: 500 })
      .catch(() => null),
    disputeText: await page
      .locator('#deal-attribution [data-dispute-status]')
      .textContent({ timeout: 500 })
      .catch(() => null),
  };
}

async function apiDeal(dealId: string) {
  return (await expectData(db, DEAL, { id: dealId })).data.deal;
}

describe('the deal panel', () => {
  it("lists a partner's deals and opens one in conflict: the decision and explanation are the API's", async () => {
    await openPartner(id('r2'), 'Bow Resellers');
    const listed = await page
      .locator('#partner-deals button[data-deal-id]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-deal-id')));
    const { data } = await expectData(
      db,
      `query($id: ID!) { partner(id: $id) { dealsConnection(first: 20) { edges { node { deal { id } } } } } }`,
      {
        id: id('r2'),
      },
    );
    expect(listed).toEqual(data.partner.dealsConnection.edges.map((e: { node: { deal: { id: string } } }) => e.node.deal.id));
    expect(listed).toEqual(expect.arrayContaining([id('second'), id('won')]));

    await page.locator(`#partner-deals button[data-deal-id="${id('second')}"]`).click();
    await page.locator(`#deal-panel[data-deal-id="${id('second')}"]`).waitFor();
    expect(await page.locator('#partner-panel').isHidden()).toBe(true);
    const shown = await shownDeal();
    const api = await apiDeal(id('second'));
    expect(api.registrationDecision).toMatchObject({ status: 'CONFLICT', rule: 'ROLE_CONFLICT' });
    expect(shown).toMatchObject({
      title: api.name,
      status: api.registrationDecision.status,
      rule: api.registrationDecision.rule,
      policyVersion: String(api.registrationDecision.policyVersion ?? ''),
      explanation: api.registrationDecision.explanation,
      conflictsWith: api.registrationDecision.conflictsWith,
    });
    expect(shown.conflictsWith).toEqual([{ id: id('first'), name: 'Dalston core banking' }]);
    expect(api.attributionSnapshot).toBeNull();
    expect(await page.locator('#deal-attribution').textContent()).toMatch(/Not frozen/);
  });

  it('follows a conflicting deal to its own decision', async () => {
    await page.locator(`#deal-decision button[data-deal-id="${id('first')}"]`).click();
    await page.locator(`#deal-panel[data-deal-id="${id('first')}"]`).waitFor();
    await expect.poll(() => page.locator('#deal-panel-title').textContent()).toBe('Dalston core banking');
    const shown = await shownDeal();
    const api = await apiDeal(id('first'));
    expect(shown).toMatchObject({
      status: api.registrationDecision.status,
      rule: api.registrationDecision.rule,
      explanation: api.registrationDecision.explanation,
      conflictsWith: [],
    });
    expect(shown.status).toBe('APPROVED');
  });

  it('shows a won deal with its frozen attribution, revised after a dispute, as the API answers', async () => {
    await page.locator('#deal-panel-back').click();
    await expect.poll(() => page.locator('#partner-panel').isVisible()).toBe(true);
    expect(await page.locator('#deal-panel').isHidden()).toBe(true);
    await page.locator(`#partner-deals button[data-deal-id="${id('won')}"]`).click();
    await page.locator(`#deal-panel[data-deal-id="${id('won')}"]`).waitFor();
    await page.locator('#deal-attribution[data-model]').waitFor();
    const shown = await shownDeal();
    const api = await apiDeal(id('won'));
    expect(shown).toMatchObject({
      status: api.registrationDecision.status,
      rule: api.registrationDecision.rule,
      explanation: api.registrationDecision.explanation,
      model: api.attributionSnapshot.model,
      revised: 'true',
      shares: api.attributionSnapshot.shares,
      dispute: api.attributionSnapshot.dispute.status,
    });
    expect(api.registrationDecision.rule).toBe('CLOSED_DEAL');
    expect(shown.shares).toEqual([
      { partner: { id: id('r2') }, share: { amount: '501', currency: 'JPY' } },
      { partner: { id: id('si') }, share: { amount: '500', currency: 'JPY' } },
    ]);
    expect(shown.disputeText).toContain(api.attributionSnapshot.dispute.reason);
    expect(shown.disputeText).toContain(api.attributionSnapshot.dispute.resolutionNote);
    // The README's picture of the deal panel.
    await page.waitForTimeout(600);
    await page.screenshot({ path: SCREENSHOT });
  });

  it('goes to a participant from the deal, and left no page error', async () => {
    await page.locator('#deal-body button.link', { hasText: 'Cheapside Integrators' }).click();
    await page.locator(`#partner-panel[data-partner-id="${id('si')}"]`).waitFor();
    expect(await page.locator('#deal-panel').isHidden()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
