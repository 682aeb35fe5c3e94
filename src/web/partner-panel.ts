// A partner's panel: profile, capabilities with levels, top complementary partners with reasons
// (partnerMatches), the account overlap with a chosen partner (accountOverlap), what breaks if
// it left (partnerImpact), and its deals (each opens the deal panel, src/web/deal-panel.ts). Each
// part loads on its own, so one failing part leaves the others.
import { mayAskAbout } from './token-entry';
import { formatMoney } from './money-format';
import { execute } from './api';
import { humanise } from './catalog';
import { byId, fill, h, loadInto } from './dom';
import { graphql } from './gql';
import type { PartnerMatchesPanelQuery } from './gql/graphql';

const PartnerProfile = graphql(`
  query PartnerProfile($id: ID!) {
    partner(id: $id) {
      id
      name
      types
      tier
      lifecycleStage
      regions
      industries
      website
      capabilities {
        id
        level
        capability {
          id
          name
          category
        }
      }
      integrations {
        id
        name
      }
    }
  }
`);

const PartnerMatchesPanel = graphql(`
  query PartnerMatchesPanel($id: ID!, $first: Int) {
    partnerMatches(partnerId: $id, first: $first) {
      partner {
        id
        name
        types
        tier
      }
      score
      sharedCustomerCount
      integrated
      complementaryCapabilities {
        id
        name
      }
      reasons
    }
  }
`);

const AccountOverlapPanel = graphql(`
  query AccountOverlapPanel($id: ID!, $otherId: ID!) {
    accountOverlap(partnerId: $id, otherPartnerId: $otherId) {
      sharedCustomerCount
      cells {
        status
        otherStatus
        count
      }
      customers(first: 20) {
        totalCount
        edges {
          node {
            id
            name
            region
            industry
          }
        }
      }
    }
  }
`);

const PartnerImpactPanel = graphql(`
  query PartnerImpactPanel($id: ID!) {
    partnerImpact(partnerId: $id) {
      capabilitiesLost {
        id
        name
      }
      orphanedCustomers {
        id
        name
      }
      solutionsAffected {
        id
        name
        status
      }
      openDealsAffected {
        id
        name
        stage
        amount {
          amount
          currency
        }
      }
      revenueAtRisk {
        amount
        currency
      }
    }
  }
`);

const PartnerDealsPanel = graphql(`
  query PartnerDealsPanel($id: ID!, $first: Int) {
    partner(id: $id) {
      id
      dealsConnection(first: $first) {
        totalCount
        edges {
          node {
            id
            role
            deal {
              id
              name
              stage
              registrationStatus
              amount {
                amount
                currency
              }
            }
          }
        }
      }
    }
  }
`);

/** How many of its deals the panel lists. */
const DEALS_SHOWN = 20;

/** How many complementary partners the panel lists. */
const MATCHES_SHOWN = 5;

type Match = NonNullable<PartnerMatchesPanelQuery['partnerMatches']>[number];

export interface PartnerChoice {
  id: string;
  label: string;
}

function list<T>(items: readonly T[], empty: string, render: (item: T) => Node | string): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted' }, empty);
  return h(
    'ul',
    {},
    items.map((item) => h('li', {}, render(item))),
  );
}

export class PartnerPanel {
  private readonly panel = byId('partner-panel');
  private partnerId: string | null = null;
  private returnFocus: HTMLElement | null = null;
  private matches: Match[] = [];

  constructor(
    /** Partners to offer for the account overlap besides the matches (those on the map). */
    private readonly partnerChoices: () => PartnerChoice[],
    private readonly onShown: (id: string | null) => void,
    /** Opens a deal's panel (one of this partner's deals). */
    private readonly onDeal: (dealId: string) => void,
  ) {
    byId('partner-panel-close').addEventListener('click', () => this.close());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
    byId<HTMLFormElement>('overlap-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const other = byId<HTMLSelectElement>('overlap-partner').value;
      if (other) void this.showOverlap(other);
    });
  }

  get openPartnerId(): string | null {
    return this.partnerId;
  }

  async open(id: string): Promise<void> {
    if (!this.panel.contains(document.activeElement)) this.returnFocus = document.activeElement as HTMLElement | null;
    this.partnerId = id;
    this.panel.hidden = false;
    this.panel.dataset.partnerId = id;
    this.onShown(id);
    const title = byId('partner-panel-title');
    title.textContent = 'Partner';
    title.focus();
    fill(byId('overlap-result'));
    this.matches = [];
    this.renderOverlapChoices();
    // A PARTNER token may not ask about another partner's matches, impact or overlaps: those sections say so instead.
    const own = mayAskAbout(id);
    byId('overlap-form').hidden = !own;
    if (!own) {
      for (const section of ['partner-matches', 'partner-impact'])
        fill(byId(section), h('p', { class: 'muted' }, 'Only for your own partner profile.'));
    }
    await Promise.all([this.loadProfile(id), this.loadDeals(id), ...(own ? [this.loadMatches(id), this.loadImpact(id)] : [])]);
  }

  close(): void {
    this.panel.hidden = true;
    this.partnerId = null;
    delete this.panel.dataset.partnerId;
    this.onShown(null);
    this.returnFocus?.focus();
  }

  private stale(id: string): boolean {
    return this.partnerId !== id;
  }

  private async loadProfile(id: string): Promise<void> {
    await loadInto(
      byId('partner-profile'),
      'the profile',
      () => execute(PartnerProfile, { id }),
      ({ partner }) => {
        if (this.stale(id)) return [];
        if (!partner) return h('p', { class: 'error', role: 'alert' }, `No partner ${id}.`);
        byId('partner-panel-title').textContent = partner.name;
        const row = (term: string, value: Node | string) => [h('dt', {}, term), h('dd', {}, value)];
        const website =
          typeof partner.website === 'string'
            ? h('a', { href: partner.website, rel: 'noopener noreferrer', target: '_blank' }, partner.website)
            : '—';
        return [
          h(
            'dl',
            { class: 'profile' },
            row('Types', partner.types.map(humanise).join(', ')),
            row('Tier', humanise(partner.tier)),
            row('Lifecycle', humanise(partner.lifecycleStage)),
            row('Regions', partner.regions.join(', ') || '—'),
            row('Industries', partner.industries.map(humanise).join(', ') || '—'),
            row('Website', website),
            row('Integrations', partner.integrations.map((p) => p.name).join(', ') || 'none'),
          ),
          h('h3', {}, `Capabilities (${partner.capabilities.length})`),
          list(partner.capabilities, 'No capabilities recorded.', (c) =>
            h('span', {}, c.capability.name, ' ', h('span', { class: `level level-${c.level.toLowerCase()}` }, humanise(c.level))),
          ),
        ];
      },
    );
  }

  private async loadDeals(id: string): Promise<void> {
    await loadInto(
      byId('partner-deals'),
      'its deals',
      () => execute(PartnerDealsPanel, { id, first: DEALS_SHOWN }),
      ({ partner }) => {
        if (this.stale(id) || !partner) return [];
        const { edges, totalCount } = partner.dealsConnection;
        if (totalCount === 0) return h('p', { class: 'muted' }, 'No deals.');
        return [
          edges.length < totalCount ? h('p', { class: 'muted' }, `The first ${edges.length} of ${totalCount}, by id.`) : null,
          h(
            'ul',
            { class: 'deals' },
            edges.map(({ node: { deal, role } }) =>
              h(
                'li',
                {},
                h('button', { type: 'button', class: 'link', 'data-deal-id': deal.id, onclick: () => this.onDeal(deal.id) }, deal.name),
                h(
                  'span',
                  { class: 'muted' },
                  ` ${humanise(role)} · ${formatMoney(deal.amount.amount, deal.amount.currency)} · ${humanise(deal.stage)} · ${humanise(deal.registrationStatus)}`,
                ),
              ),
            ),
          ),
        ];
      },
    );
  }

  private async loadMatches(id: string): Promise<void> {
    // A refused root field is null (with an error, which execute reports); each panel shows nothing then.
    await loadInto(
      byId('partner-matches'),
      'complementary partners',
      () => execute(PartnerMatchesPanel, { id, first: MATCHES_SHOWN }),
      ({ partnerMatches }) => {
        if (this.stale(id) || !partnerMatches) return [];
        this.matches = partnerMatches;
        this.renderOverlapChoices();
        if (partnerMatches.length === 0) return h('p', { class: 'muted' }, 'No eligible partner adds a capability this one lacks.');
        return h(
          'ol',
          { class: 'matches' },
          partnerMatches.map((m) =>
            h(
              'li',
              { 'data-match-id': m.partner.id },
              h(
                'div',
                { class: 'match-head' },
                h('button', { type: 'button', class: 'link', onclick: () => void this.open(m.partner.id) }, m.partner.name),
                h('span', { class: 'score', title: 'Match score (see the README for the formula)' }, `score ${m.score.toFixed(1)}`),
              ),
              h(
                'ul',
                { class: 'reasons' },
                m.reasons.map((r) => h('li', {}, r)),
              ),
              h(
                'p',
                { class: 'muted' },
                // null: the candidate shares no account data with this viewer.
                m.sharedCustomerCount === null || m.sharedCustomerCount === undefined
                  ? 'shared customers not shared with you'
                  : `${m.sharedCustomerCount} shared customer${m.sharedCustomerCount === 1 ? '' : 's'}`,
                m.integrated ? ' · integrated' : '',
                m.complementaryCapabilities.length ? ` · adds ${m.complementaryCapabilities.map((c) => c.name).join(', ')}` : '',
              ),
              h(
                'button',
                { type: 'button', class: 'small', onclick: () => void this.showOverlap(m.partner.id) },
                `Compare accounts with ${m.partner.name}`,
              ),
            ),
          ),
        );
      },
    );
  }

  private renderOverlapChoices(): void {
    const select = byId<HTMLSelectElement>('overlap-partner');
    const previous = select.value;
    const matchIds = new Set(this.matches.map((m) => m.partner.id));
    const others = this.partnerChoices().filter((p) => p.id !== this.partnerId && !matchIds.has(p.id));
    fill(
      select,
      h('option', { value: '' }, 'Choose a partner…'),
      this.matches.length
        ? h(
            'optgroup',
            { label: 'Top matches' },
            this.matches.map((m) => h('option', { value: m.partner.id }, m.partner.name)),
          )
        : null,
      others.length
        ? h(
            'optgroup',
            { label: 'Partners on the map' },
            others.map((p) => h('option', { value: p.id }, p.label)),
          )
        : null,
    );
    if ([...select.options].some((o) => o.value === previous)) select.value = previous;
  }

  async showOverlap(otherId: string): Promise<void> {
    const id = this.partnerId;
    if (!id) return;
    const select = byId<HTMLSelectElement>('overlap-partner');
    if ([...select.options].some((o) => o.value === otherId)) select.value = otherId;
    const otherName = select.selectedOptions[0]?.textContent ?? otherId;
    const result = byId('overlap-result');
    result.dataset.otherPartnerId = otherId;
    await loadInto(
      result,
      'the account overlap',
      () => execute(AccountOverlapPanel, { id, otherId }),
      ({ accountOverlap: o }) => {
        if (this.stale(id) || !o) return [];
        // customers is null when the other partner shares counts only.
        const shown = o.customers?.edges.length ?? 0;
        return [
          h(
            'p',
            { 'data-shared-count': o.sharedCustomerCount },
            `${o.sharedCustomerCount} shared customer${o.sharedCustomerCount === 1 ? '' : 's'} with ${otherName}.`,
          ),
          o.cells.length
            ? h(
                'table',
                { class: 'compact' },
                h('caption', {}, 'Shared customers by account status'),
                h(
                  'thead',
                  {},
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'col' }, 'This partner'),
                    h('th', { scope: 'col' }, otherName),
                    h('th', { scope: 'col' }, 'Customers'),
                  ),
                ),
                h(
                  'tbody',
                  {},
                  o.cells.map((c) =>
                    h(
                      'tr',
                      {},
                      h('td', {}, humanise(c.status)),
                      h('td', {}, humanise(c.otherStatus)),
                      h('td', { class: 'number' }, c.count),
                    ),
                  ),
                ),
              )
            : null,
          o.customers && shown
            ? h('h4', {}, shown < o.customers.totalCount ? `The first ${shown} of ${o.customers.totalCount}` : 'Customers')
            : null,
          o.customers && shown ? list(o.customers.edges, '', ({ node }) => `${node.name}${node.region ? ` (${node.region})` : ''}`) : null,
        ];
      },
    );
  }

  private async loadImpact(id: string): Promise<void> {
    await loadInto(
      byId('partner-impact'),
      'the impact',
      () => execute(PartnerImpactPanel, { id }),
      ({ partnerImpact: i }) => {
        if (this.stale(id) || !i) return [];
        const money = i.revenueAtRisk.map((m) => formatMoney(m.amount, m.currency)).join(' + ');
        return h(
          'dl',
          { class: 'impact' },
          h('dt', {}, `Capabilities lost (${i.capabilitiesLost.length})`),
          h(
            'dd',
            {},
            list(i.capabilitiesLost, 'None: every capability it brings has another supplier.', (c) => c.name),
          ),
          h('dt', {}, `Orphaned customers (${i.orphanedCustomers.length})`),
          h(
            'dd',
            {},
            list(i.orphanedCustomers, 'None.', (c) => c.name),
          ),
          h('dt', {}, `Solutions affected (${i.solutionsAffected.length})`),
          h(
            'dd',
            {},
            list(i.solutionsAffected, 'None.', (s) => `${s.name} (${humanise(s.status)})`),
          ),
          h('dt', {}, `Open deals affected (${i.openDealsAffected.length})`),
          h(
            'dd',
            {},
            list(
              i.openDealsAffected,
              'None.',
              (d) => `${d.name}: ${formatMoney(d.amount.amount, d.amount.currency)}, ${humanise(d.stage)}`,
            ),
          ),
          h('dt', {}, 'Revenue at risk'),
          h('dd', { 'data-revenue-at-risk': money }, money || 'None.'),
        );
      },
    );
  }
}
