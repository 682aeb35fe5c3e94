// The map tab: filters, the drawn graph, the accessible partner list beside it, and a status line
// whose data attributes carry the counts (the end-to-end test reads them).
import { execute } from './api';
import { PARTNER_TIERS, PARTNER_TYPES } from '../model/vocabulary';
import { humanise, type Catalog } from './catalog';
import { byId, fill, h } from './dom';
import { graphql } from './gql';
import type { EcosystemMapInput, MapNodeKind, MapPartnerIdsQuery, PartnerFilter, PartnerTier, PartnerType } from './gql/graphql';
import { communityColour, nodeColour, renderLegend } from './legend';
import { ApiError } from './api';
import { tokenViewer } from './token-entry';
import { MapView } from './map-view';
import { follow } from './live';

const EcosystemMapView = graphql(`
  query EcosystemMapView($input: EcosystemMapInput) {
    ecosystemMap(input: $input) {
      nodes {
        id
        entityId
        kind
        label
        group
        weight
      }
      edges {
        id
        source
        target
        kind
      }
      truncated
    }
  }
`);

const CommunityMapView = graphql(`
  query CommunityMapView($input: EcosystemMapInput) {
    ecosystemMap(input: $input) {
      nodes {
        id
        entityId
        kind
        label
        group
        weight
      }
      edges {
        id
        source
        target
        kind
        weight
      }
      truncated
    }
  }
`);

const MapChanged = graphql(`
  subscription MapChanged($input: EcosystemMapInput) {
    ecosystemMapChanged(input: $input) {
      reset
      truncated
      nodesAdded {
        id
        entityId
        kind
        label
        group
        weight
      }
      nodesRemoved
      nodesReweighted {
        id
        entityId
        kind
        label
        group
        weight
      }
      edgesAdded {
        id
        source
        target
        kind
      }
      edgesRemoved {
        id
        source
        target
        kind
      }
      edgesReweighted {
        id
        source
        target
        kind
      }
    }
  }
`);

const MapPartnerCount = graphql(`
  query MapPartnerCount($filter: PartnerFilter) {
    partners(filter: $filter, first: 0) {
      totalCount
    }
  }
`);

const MapCommunityMembers = graphql(`
  query MapCommunityMembers {
    partnerCommunities {
      communities(first: 80) {
        edges {
          node {
            id
            members(first: 100) {
              edges {
                node {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`);

/** More partners than this would be drawn: the map shows communities instead (README, "The map page"). */
export const COMMUNITY_THRESHOLD = 300;

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
  /** A calendar date (YYYY-MM-DD, UTC) to draw the map as of, or null for now. */
  asOf: string | null;
}

/**
 * The instant a chosen date draws the map as of: the end of that day in UTC, or now when that is earlier (the API
 * refuses an asOf in the future); null for no date (README, "Time").
 */
export function asOfInstant(date: string | null, now: number = Date.now()): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const end = Date.parse(`${date}T23:59:59.999Z`);
  return Number.isNaN(end) ? null : new Date(Math.min(end, now)).toISOString();
}

/** A map answer whose nodes go by the entity they draw (MapNode.id is the map node's own id, README "Global object identification"). */
function byEntityId<N extends { entityId: string }, G extends { nodes: N[] }>(graph: G): G {
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, id: n.entityId })) };
}

/** The ecosystemMap input for the filters the API applies itself (tier and capability are applied here). */
export function mapInput(filters: MapFilters): EcosystemMapInput {
  return {
    kinds: filters.showCustomers ? ['PARTNER', 'CAPABILITY', 'CUSTOMER'] : ['PARTNER', 'CAPABILITY'],
    partnerTypes: filters.type ? [filters.type] : null,
    regions: filters.region ? [filters.region] : null,
    industries: filters.industry ? [filters.industry] : null,
    limit: MAP_NODE_LIMIT,
    asOf: asOfInstant(filters.asOf),
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
    asOf: params.get('asof') || null,
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
  if (filters.asOf) params.set('asof', filters.asOf);
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
  /** The community view: null draws entities; '' all communities; an id that community's members. */
  private community: string | null = null;
  /** Partner id -> community id, fetched once when colouring by community. */
  private memberships: Map<string, string> | undefined;
  /** The live subscription of the drawn entity map (README, "Subscriptions"); stopped when the view changes. */
  private stopLive: (() => void) | undefined;
  /** The drawn entity map's nodes and edge count, kept up to date by the live deltas. */
  private drawn = new Map<string, { id: string; kind: MapNodeKind; label: string; group?: string | null }>();
  private edgeCount = 0;

  constructor(
    private readonly onOpenPartner: (id: string) => void,
    private readonly onSelectCapability: (id: string) => void,
  ) {
    this.view = new MapView(byId('map-canvas'), (id, kind) => this.nodeClicked(id, kind));
    byId('zoom-in').addEventListener('click', () => this.view.zoom(1.5));
    byId('zoom-out').addEventListener('click', () => this.view.zoom(1 / 1.5));
    byId('zoom-reset').addEventListener('click', () => this.view.resetView());
    byId<HTMLFormElement>('map-filters').addEventListener('change', (event) => {
      if ((event.target as HTMLElement).id === 'map-colour') void this.recolour();
      else void this.applyFilters();
    });
    byId<HTMLFormElement>('map-filters').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.applyFilters();
    });
    renderLegend(byId('map-legend'), this.filters.showCustomers);
    byId('map-back').addEventListener('click', () => void this.showCommunities(''));
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
    const asOf = byId<HTMLInputElement>('filter-as-of');
    asOf.max = new Date().toISOString().slice(0, 10);
    asOf.value = f.asOf ?? '';
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
      asOf: byId<HTMLInputElement>('filter-as-of').value || null,
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

  /** Colour of a drawn node: by partner type, or by community (partners and communities; other kinds keep theirs). */
  private colourOf(node: { id: string; kind: MapNodeKind; group?: string | null }): string {
    if (node.kind === 'COMMUNITY') return communityColour(node.id);
    if (node.kind === 'PARTNER' && byId<HTMLSelectElement>('map-colour').value === 'community') {
      const community = this.community || this.memberships?.get(node.id);
      if (community) return communityColour(community);
    }
    return nodeColour(node.kind, node.group ?? null);
  }

  /**
   * The community view: '' draws one node per community (the largest COMMUNITY_THRESHOLD), an id that community's
   * members and the network edges between them. False when the API refuses it (a PARTNER token, no GDS).
   */
  async showCommunities(id: string): Promise<boolean> {
    const request = ++this.request;
    this.setStatus('loading', id ? 'Loading the community…' : 'Loading the communities…');
    try {
      const { ecosystemMap: answer } = await execute(CommunityMapView, {
        input: { groupBy: 'COMMUNITY', communityId: id || null, limit: id ? MAP_NODE_LIMIT : COMMUNITY_THRESHOLD },
      });
      const ecosystemMap = answer && byEntityId(answer);
      if (!ecosystemMap) throw new Error('The community map was refused');
      if (request !== this.request) return true;
      this.unfollow();
      this.community = id;
      byId('map-back').hidden = !id;
      this.view.show(ecosystemMap.nodes, ecosystemMap.edges, (n) => this.colourOf(n));
      const partners = ecosystemMap.nodes.filter((n) => n.kind === 'PARTNER');
      this.renderPartnerList(partners.map((n) => ({ id: n.id, label: n.label, group: n.group ?? null })));
      const what = id ? `${partners.length} partners of ${id}` : `${ecosystemMap.nodes.length} communities (click one to open it)`;
      this.setStatus(
        'ready',
        `${what}: ${ecosystemMap.nodes.length} nodes, ${ecosystemMap.edges.length} edges${ecosystemMap.truncated ? ' (the largest only)' : ''}.`,
        {
          nodes: ecosystemMap.nodes.length,
          edges: ecosystemMap.edges.length,
          shown: ecosystemMap.nodes.length,
        },
      );
      byId('map-status').dataset.view = id ? 'community' : 'communities';
      return true;
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'FORBIDDEN' || error.code === 'FEATURE_UNAVAILABLE')) return false;
      if (request === this.request) this.setStatus('error', `Could not load the communities: ${(error as Error).message}`);
      return true;
    }
  }

  async load(): Promise<void> {
    const filters = this.filters;
    const partnerFilter: PartnerFilter = {
      tiers: filters.tier ? [filters.tier] : null,
      capabilityId: filters.capabilityId,
      types: filters.type ? [filters.type] : null,
      region: filters.region,
      industry: filters.industry,
    };
    this.setStatus('loading', 'Loading the map…');
    if (byId<HTMLSelectElement>('map-colour').value === 'community' && !this.memberships) await this.loadMemberships();
    // Too many partners to draw one by one: communities instead (unless the API refuses them to this viewer).
    const count = await execute(MapPartnerCount, { filter: partnerFilter }).catch(() => null);
    const partnerViewer = tokenViewer().role === 'PARTNER'; // the community view is the vendor's: do not ask for it
    // The communities are of the graph of now: a map as of a date draws the entities.
    if (count && count.partners.totalCount > COMMUNITY_THRESHOLD && !partnerViewer && !filters.asOf && (await this.showCommunities('')))
      return;
    this.community = null;
    byId('map-back').hidden = true;
    const request = ++this.request;
    this.setStatus('loading', 'Loading the map…');
    byId('map-status').dataset.view = 'entities';
    byId('map-region').setAttribute('aria-busy', 'true');
    try {
      const [{ ecosystemMap: answer }, allowed] = await Promise.all([
        execute(EcosystemMapView, { input: mapInput(filters) }),
        filters.tier || filters.capabilityId ? partnerIdsMatching(partnerFilter) : Promise.resolve(null),
      ]);
      if (request !== this.request) return;
      const ecosystemMap = answer && byEntityId(answer);
      if (!ecosystemMap) throw new Error('The map was refused');
      this.view.show(ecosystemMap.nodes, ecosystemMap.edges, (n) => this.colourOf(n));
      const shown = allowed ? this.view.setVisible(this.visibleWith(allowed, filters.capabilityId)) : ecosystemMap.nodes.length;
      const partners = ecosystemMap.nodes.filter((n) => n.kind === 'PARTNER' && (!allowed || allowed.has(n.id)));
      this.renderPartnerList(partners.map((n) => ({ id: n.id, label: n.label, group: n.group ?? null })));
      const counts = { nodes: ecosystemMap.nodes.length, edges: ecosystemMap.edges.length, shown };
      this.drawn = new Map(ecosystemMap.nodes.map((n) => [n.id, n]));
      this.edgeCount = ecosystemMap.edges.length;
      this.followMap(filters);
      const byKind = (kind: MapNodeKind) => ecosystemMap.nodes.filter((n) => n.kind === kind).length;
      const parts = [`${byKind('PARTNER')} partners`, `${byKind('CAPABILITY')} capabilities`];
      if (filters.showCustomers) parts.push(`${byKind('CUSTOMER')} customers`);
      const hiddenNote = shown !== counts.nodes ? `; ${shown} shown after the tier and capability filters` : '';
      const truncatedNote = ecosystemMap.truncated ? ` (the first ${MAP_NODE_LIMIT} only: narrow the filters to see the rest)` : '';
      const asOfNote = filters.asOf ? ` as of ${filters.asOf}` : '';
      this.setStatus(
        'ready',
        `${parts.join(', ')}${asOfNote}: ${counts.nodes} nodes, ${counts.edges} edges${hiddenNote}${truncatedNote}.`,
        counts,
      );
    } catch (error) {
      if (request !== this.request) return;
      this.setStatus('error', `Could not load the map: ${(error as Error).message}`);
    } finally {
      if (request === this.request) byId('map-region').removeAttribute('aria-busy');
    }
  }

  private unfollow(): void {
    this.stopLive?.();
    this.stopLive = undefined;
    delete byId('map-status').dataset.live;
  }

  /**
   * Follows the drawn map: each ecosystemMapChanged delta is applied to the drawing without a reload (a
   * reset after a reconnection redraws it). With tier or capability filters, which the page applies
   * itself, a delta reloads the map instead.
   */
  private followMap(filters: MapFilters): void {
    this.unfollow();
    let first = true;
    const status = byId('map-status');
    const stop = follow(
      MapChanged,
      { input: mapInput(filters) },
      ({ ecosystemMapChanged: changed }) => {
        let d = changed;
        status.dataset.live = 'on';
        if (first && d.reset) {
          first = false;
          return;
        }
        if (filters.tier || filters.capabilityId || d.reset) {
          void this.load();
          return;
        }
        // The page keys nodes by their entity's id, as the edges' source and target name them (byEntityId).
        const entity = <N extends { entityId: string }>(n: N) => ({ ...n, id: n.entityId });
        d = { ...d, nodesAdded: d.nodesAdded.map(entity), nodesReweighted: d.nodesReweighted.map(entity) };
        this.view.update(d, (n) => this.colourOf(n));
        for (const id of d.nodesRemoved) this.drawn.delete(id);
        for (const n of [...d.nodesAdded, ...d.nodesReweighted]) this.drawn.set(n.id, n);
        this.edgeCount += d.edgesAdded.length - d.edgesRemoved.length;
        const nodes = [...this.drawn.values()];
        this.renderPartnerList(
          nodes.filter((n) => n.kind === 'PARTNER').map((n) => ({ id: n.id, label: n.label, group: n.group ?? null })),
        );
        const byKind = (kind: MapNodeKind) => nodes.filter((n) => n.kind === kind).length;
        const parts = [`${byKind('PARTNER')} partners`, `${byKind('CAPABILITY')} capabilities`];
        if (filters.showCustomers) parts.push(`${byKind('CUSTOMER')} customers`);
        const updates = Number(status.dataset.liveUpdates ?? 0) + 1;
        this.setStatus('ready', `${parts.join(', ')}: ${nodes.length} nodes, ${this.edgeCount} edges (updated live).`, {
          nodes: nodes.length,
          edges: this.edgeCount,
          shown: nodes.length,
        });
        status.dataset.liveUpdates = String(updates);
      },
      () => {
        if (this.stopLive === stop) delete status.dataset.live;
      },
    );
    this.stopLive = stop;
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

  /** Partner -> community, from partnerCommunities (the 80 largest communities, their first 100 members: within the cost limit); empty when refused. */
  private async loadMemberships(): Promise<void> {
    this.memberships = new Map();
    try {
      const { partnerCommunities } = await execute(MapCommunityMembers);
      for (const { node } of partnerCommunities?.communities.edges ?? [])
        for (const m of node.members.edges) this.memberships.set(m.node.id, node.id);
    } catch {
      // A PARTNER token or a server without GDS: colours stay by type.
    }
  }

  private async recolour(): Promise<void> {
    if (byId<HTMLSelectElement>('map-colour').value === 'community' && !this.memberships) await this.loadMemberships();
    this.view.recolour((n) => this.colourOf(n));
  }

  private nodeClicked(id: string, kind: MapNodeKind): void {
    if (kind === 'COMMUNITY') void this.showCommunities(id);
    else if (kind === 'PARTNER') this.onOpenPartner(id);
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

  displayedLabels(): string[] {
    return this.view.displayedLabels();
  }
}
