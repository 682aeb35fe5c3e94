// The map tab: filters, the drawn graph, the accessible partner list beside it, and a status line
// whose data attributes carry the counts (the end-to-end test reads them).
import { execute } from './api';
import { PARTNER_TIERS, PARTNER_TYPES } from '../model/vocabulary';
import { humanise, type Catalog } from './catalog';
import { byId, fill, h } from './dom';
import { graphql } from './gql';
import type { EcosystemMapInput, MapNodeKind, MapPartnerIdsQuery, PartnerFilter, PartnerTier, PartnerType } from './gql/graphql';
import { renderLegend } from './legend';
import { MapView } from './map-view';

const EcosystemMapView = graphql(`
  query EcosystemMapView($input: EcosystemMapInput) {
    ecosystemMap(input: $input) {
      nodes {
        id
        kind
        label
        group
        weight
      }
      edges {
        source
        target
        kind
      }
      truncated
    }
  }
`);

const MapPartnerIds = graphql(`
  query MapPartnerIds($filter: PartnerFilter, $after: String) {
    partners(filter: $filter, first: 100, after: $after) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The most nodes the API draws in one map (its own upper bound). */
export const MAP_NODE_LIMIT = 2000;
/** Tier and capability filters read at most this many pages of matching partners. */
const MAX_FILTER_PAGES = 20;

export interface MapFilters {
  type: PartnerType | null;
  region: string | null;
  industry: string | null;
  tier: PartnerTier | null;
  capabilityId: string | null;
  showCustomers: boolean;
}

/** The ecosystemMap input for the filters the API applies itself (tier and capability are applied here). */
export function mapInput(filters: MapFilters): EcosystemMapInput {
  return {
    kinds: filters.showCustomers ? ['PARTNER', 'CAPABILITY', 'CUSTOMER'] : ['PARTNER', 'CAPABILITY'],
    partnerTypes: filters.type ? [filters.type] : null,
    regions: filters.region ? [filters.region] : null,
    industries: filters.industry ? [filters.industry] : null,
    limit: MAP_NODE_LIMIT,
  };
}

function filtersFromUrl(): MapFilters {
  const params = new URLSearchParams(location.search);
  const pick = <T extends string>(name: string, allowed: readonly T[]) => {
    const value = params.get(name);
    return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
  };
  return {
    type: pick('type', PARTNER_TYPES),
    region: params.get('region') || null,
    industry: params.get('industry') || null,
    tier: pick('tier', PARTNER_TIERS),
    capabilityId: params.get('capability') || null,
    showCustomers: params.get('customers') === '1',
  };
}

function filtersToUrl(filters: MapFilters): void {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  if (filters.region) params.set('region', filters.region);
  if (filters.industry) params.set('industry', filters.industry);
  if (filters.tier) params.set('tier', filters.tier);
  if (filters.capabilityId) params.set('capability', filters.capabilityId);
  if (filters.showCustomers) params.set('customers', '1');
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
}

async function partnerIdsMatching(filter: PartnerFilter): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (let page = 0; page < MAX_FILTER_PAGES; page++) {
    const result: MapPartnerIdsQuery = await execute(MapPartnerIds, { filter, after });
    for (const { node } of result.partners.edges) ids.add(node.id);
    if (!result.partners.pageInfo.hasNextPage) break;
    after = result.partners.pageInfo.endCursor ?? null;
  }
  return ids;
}

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  return h('option', { value, selected }, text);
}

export class MapSection {
  private readonly view: MapView;
  private filters = filtersFromUrl();
  private started = false;
  private request = 0;

  constructor(
    private readonly onOpenPartner: (id: string) => void,
    private readonly onSelectCapability: (id: string) => void,
  ) {
    this.view = new MapView(byId('map-canvas'), (id, kind) => this.nodeClicked(id, kind));
    byId('zoom-in').addEventListener('click', () => this.view.zoom(1.5));
    byId('zoom-out').addEventListener('click', () => this.view.zoom(1 / 1.5));
    byId('zoom-reset').addEventListener('click', () => this.view.resetView());
    byId<HTMLFormElement>('map-filters').addEventListener('change', () => void this.applyFilters());
    byId<HTMLFormElement>('map-filters').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.applyFilters();
    });
    renderLegend(byId('map-legend'), this.filters.showCustomers);
  }

  /** Fills the filter controls from the catalog and draws the first map. */
  async start(catalog: Catalog): Promise<void> {
    this.renderFilterControls(catalog);
    if (!this.started) {
      this.started = true;
      try {
        this.view.start();
      } catch (error) {
        fill(
          byId('map-canvas'),
          h(
            'p',
            { class: 'error', role: 'alert' },
            `The map cannot be drawn here (${(error as Error).message}); the partner list beside it still works.`,
          ),
        );
      }
    }
    await this.load();
  }

  private renderFilterControls(catalog: Catalog): void {
    const f = this.filters;
    fill(
      byId('filter-type'),
      option('', 'Any type', !f.type),
      PARTNER_TYPES.map((t) => option(t, humanise(t), f.type === t)),
    );
    fill(
      byId('filter-tier'),
      option('', 'Any tier', !f.tier),
      PARTNER_TIERS.map((t) => option(t, humanise(t), f.tier === t)),
    );
    const regions = f.region && !catalog.regions.includes(f.region) ? [...catalog.regions, f.region] : catalog.regions;
    fill(
      byId('filter-region'),
      option('', 'Any region', !f.region),
      regions.map((r) => option(r, r, f.region === r)),
    );
    const industries = f.industry && !catalog.industries.includes(f.industry) ? [...catalog.industries, f.industry] : catalog.industries;
    fill(
      byId('filter-industry'),
      option('', 'Any industry', !f.industry),
      industries.map((i) => option(i, humanise(i), f.industry === i)),
    );
    fill(
      byId('filter-capability'),
      option('', 'Any capability', !f.capabilityId),
      catalog.capabilities.map((c) => option(c.id, c.name, f.capabilityId === c.id)),
    );
    byId<HTMLInputElement>('filter-customers').checked = f.showCustomers;
  }

  private readFilters(): MapFilters {
    const value = (id: string) => byId<HTMLSelectElement>(id).value || null;
    return {
      type: value('filter-type') as PartnerType | null,
      region: value('filter-region'),
      industry: value('filter-industry'),
      tier: value('filter-tier') as PartnerTier | null,
      capabilityId: value('filter-capability'),
      showCustomers: byId<HTMLInputElement>('filter-customers').checked,
    };
  }

  private async applyFilters(): Promise<void> {
    this.filters = this.readFilters();
    filtersToUrl(this.filters);
    renderLegend(byId('map-legend'), this.filters.showCustomers);
    await this.load();
  }

  /** Shows a capability's partners: sets the capability filter and redraws. */
  async filterByCapability(id: string): Promise<void> {
    const select = byId<HTMLSelectElement>('filter-capability');
    if (![...select.options].some((o) => o.value === id)) select.append(option(id, id, true));
    select.value = id;
    await this.applyFilters();
  }

  private setStatus(state: 'loading' | 'ready' | 'error', text: string, counts?: { nodes: number; edges: number; shown: number }): void {
    const status = byId('map-status');
    status.dataset.state = state;
    status.textContent = text;
    if (counts) {
      status.dataset.nodeCount = String(counts.nodes);
      status.dataset.edgeCount = String(counts.edges);
      status.dataset.shownCount = String(counts.shown);
    }
  }

  async load(): Promise<void> {
    const request = ++this.request;
    const filters = this.filters;
    this.setStatus('loading', 'Loading the map…');
    byId('map-region').setAttribute('aria-busy', 'true');
    try {
      const partnerFilter: PartnerFilter = {
        tiers: filters.tier ? [filters.tier] : null,
        capabilityId: filters.capabilityId,
        types: filters.type ? [filters.type] : null,
        region: filters.region,
        industry: filters.industry,
      };
      const [{ ecosystemMap }, allowed] = await Promise.all([
        execute(EcosystemMapView, { input: mapInput(filters) }),
        filters.tier || filters.capabilityId ? partnerIdsMatching(partnerFilter) : Promise.resolve(null),
      ]);
      if (request !== this.request) return;
      this.view.show(ecosystemMap.nodes, ecosystemMap.edges);
      const shown = allowed ? this.view.setVisible(this.visibleWith(allowed, filters.capabilityId)) : ecosystemMap.nodes.length;
      const partners = ecosystemMap.nodes.filter((n) => n.kind === 'PARTNER' && (!allowed || allowed.has(n.id)));
      this.renderPartnerList(partners.map((n) => ({ id: n.id, label: n.label, group: n.group ?? null })));
      const counts = { nodes: ecosystemMap.nodes.length, edges: ecosystemMap.edges.length, shown };
      const byKind = (kind: MapNodeKind) => ecosystemMap.nodes.filter((n) => n.kind === kind).length;
      const parts = [`${byKind('PARTNER')} partners`, `${byKind('CAPABILITY')} capabilities`];
      if (filters.showCustomers) parts.push(`${byKind('CUSTOMER')} customers`);
      const hiddenNote = shown !== counts.nodes ? `; ${shown} shown after the tier and capability filters` : '';
      const truncatedNote = ecosystemMap.truncated ? ` (the first ${MAP_NODE_LIMIT} only: narrow the filters to see the rest)` : '';
      this.setStatus('ready', `${parts.join(', ')}: ${counts.nodes} nodes, ${counts.edges} edges${hiddenNote}${truncatedNote}.`, counts);
    } catch (error) {
      if (request !== this.request) return;
      this.setStatus('error', `Could not load the map: ${(error as Error).message}`);
    } finally {
      if (request === this.request) byId('map-region').removeAttribute('aria-busy');
    }
  }

  /** With tier or capability filters: the matching partners, and capabilities still linked to one of them. */
  private visibleWith(allowed: Set<string>, capabilityId: string | null): (id: string, kind: MapNodeKind) => boolean {
    return (id, kind) => {
      if (kind === 'PARTNER') return allowed.has(id);
      if (id === capabilityId) return true;
      return this.view.graph.someNeighbor(id, (neighbour) => allowed.has(neighbour));
    };
  }

  private renderPartnerList(partners: { id: string; label: string; group: string | null }[]): void {
    partners.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
    byId('partner-list-count').textContent = String(partners.length);
    fill(
      byId('partner-list'),
      partners.map((p) =>
        h(
          'li',
          {},
          h('button', { type: 'button', class: 'link', 'data-partner-id': p.id, onclick: () => this.onOpenPartner(p.id) }, p.label),
          p.group ? h('span', { class: 'muted' }, ` ${humanise(p.group)}`) : null,
        ),
      ),
    );
  }

  private nodeClicked(id: string, kind: MapNodeKind): void {
    if (kind === 'PARTNER') this.onOpenPartner(id);
    else if (kind === 'CAPABILITY') this.onSelectCapability(id);
    else this.view.select(id);
  }

  /** Highlights a node when it is drawn; false when it is not on the map. */
  highlight(id: string | null): boolean {
    this.view.select(id);
    return id !== null && this.view.has(id);
  }

  viewportPosition(id: string): { x: number; y: number } | null {
    return this.view.viewportPosition(id);
  }
}
