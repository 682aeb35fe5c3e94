// Gaps: capability × region coverage, one gapAnalysis per region (plus one over all regions).
// GAP and THIN cells are marked in words and colour; each cell is a button listing the eligible
// partners behind it.
import { execute } from './api';
import { humanise, type Catalog } from './catalog';
import { byId, failure, fill, h, loading } from './dom';
import { graphql } from './gql';
import type { CoverageStatus, GapAnalysisViewQuery } from './gql/graphql';

const GapAnalysisView = graphql(`
  query GapAnalysisView($region: String, $industry: String) {
    gapAnalysis(region: $region, industry: $industry) {
      capabilities {
        capability {
          id
          name
          category
        }
        customerDemand
        solutionDemand
        supply
        status
      }
    }
  }
`);

const CoveringPartners = graphql(`
  query CoveringPartners($filter: PartnerFilter) {
    partners(filter: $filter, first: 50) {
      totalCount
      edges {
        node {
          id
          name
          tier
          lifecycleStage
        }
      }
    }
  }
`);

type Coverage = GapAnalysisViewQuery['gapAnalysis']['capabilities'][number];

/** The column for the whole ecosystem (no region filter). */
const ALL_REGIONS = '';

export class GapsTable {
  private loaded = false;
  private request = 0;

  constructor(
    private readonly onOpenPartner: (id: string) => void,
    private catalog: Catalog | null = null,
  ) {
    byId<HTMLFormElement>('gaps-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.load();
    });
  }

  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    const select = byId<HTMLSelectElement>('gaps-industry');
    const current = select.value;
    fill(
      select,
      h('option', { value: '' }, 'Any industry'),
      catalog.industries.map((i) => h('option', { value: i, selected: i === current }, humanise(i))),
    );
  }

  /** Loads the first time the tab is shown. */
  async showOnce(): Promise<void> {
    if (!this.loaded) await this.load();
  }

  async load(): Promise<void> {
    this.loaded = true;
    const request = ++this.request;
    const container = byId('gaps-result');
    const industry = byId<HTMLSelectElement>('gaps-industry').value || null;
    const regions = this.catalog?.regions ?? [];
    fill(container, loading('the coverage'));
    container.setAttribute('aria-busy', 'true');
    fill(byId('gap-partners'));
    try {
      const columns = [ALL_REGIONS, ...regions];
      const reports = await Promise.all(columns.map((region) => execute(GapAnalysisView, { region: region || null, industry })));
      if (request !== this.request) return;
      const byRegion = new Map(
        columns.map((region, i) => [region, new Map(reports[i]!.gapAnalysis.capabilities.map((c) => [c.capability.id, c]))]),
      );
      // Rows in the whole-ecosystem order (GAP, THIN, COVERED, then demand); every regional row is in it.
      const rows: Coverage[] = [...reports[0]!.gapAnalysis.capabilities];
      const seen = new Set(rows.map((r) => r.capability.id));
      for (const report of reports.slice(1))
        for (const c of report.gapAnalysis.capabilities) if (!seen.has(c.capability.id) && seen.add(c.capability.id)) rows.push(c);
      fill(container, this.renderTable(columns, rows, byRegion, industry));
    } catch (error) {
      if (request === this.request) fill(container, failure('the coverage', error));
    } finally {
      if (request === this.request) container.removeAttribute('aria-busy');
    }
  }

  private renderTable(
    columns: string[],
    rows: Coverage[],
    byRegion: Map<string, Map<string, Coverage>>,
    industry: string | null,
  ): HTMLElement[] {
    const all = byRegion.get(ALL_REGIONS)!;
    const count = (status: CoverageStatus) => [...all.values()].filter((c) => c.status === status).length;
    const summary = h(
      'p',
      { id: 'gaps-summary', 'data-gap-count': count('GAP'), 'data-thin-count': count('THIN') },
      `Across all regions${industry ? ` in ${humanise(industry)}` : ''}: ${count('GAP')} gaps, ${count('THIN')} thin, ${count('COVERED')} covered, of ${all.size} capabilities in demand.`,
    );
    if (rows.length === 0) return [summary, h('p', { class: 'muted' }, 'No capability is in demand.')];
    const table = h(
      'table',
      { class: 'gaps', id: 'gaps-table' },
      h('caption', {}, 'Eligible suppliers per capability and region. GAP: none; THIN: one. Choose a cell to see the partners behind it.'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Capability'),
          h('th', { scope: 'col' }, 'Demand'),
          columns.map((region) => h('th', { scope: 'col' }, region || 'All regions')),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            { 'data-capability-id': row.capability.id },
            h('th', { scope: 'row' }, row.capability.name),
            h(
              'td',
              { class: 'number', title: `${row.customerDemand} customers, ${row.solutionDemand} solutions` },
              row.customerDemand + row.solutionDemand,
            ),
            columns.map((region) => {
              const cell = byRegion.get(region)?.get(row.capability.id);
              if (!cell)
                return h(
                  'td',
                  { class: 'no-demand', 'data-region': region },
                  h('span', { class: 'muted', title: 'No demand in this region' }, '—'),
                );
              return h(
                'td',
                {
                  class: `status-${cell.status.toLowerCase()}`,
                  'data-region': region,
                  'data-status': cell.status,
                  'data-supply': cell.supply,
                },
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'cell',
                    'aria-label': `${row.capability.name}, ${region || 'all regions'}: ${cell.status}, ${cell.supply} partner${cell.supply === 1 ? '' : 's'}`,
                    onclick: () => void this.showPartners(row.capability.id, row.capability.name, region, industry, cell),
                  },
                  cell.status === 'COVERED' ? String(cell.supply) : `${cell.status} ${cell.supply}`,
                ),
              );
            }),
          ),
        ),
      ),
    );
    return [summary, h('div', { class: 'table-scroll' }, table)];
  }

  private async showPartners(capabilityId: string, name: string, region: string, industry: string | null, cell: Coverage): Promise<void> {
    const target = byId('gap-partners');
    const scope = `${name} in ${region || 'all regions'}${industry ? `, ${humanise(industry)}` : ''}`;
    fill(target, loading(`the partners for ${scope}`));
    try {
      const { partners } = await execute(CoveringPartners, {
        filter: { capabilityId, region: region || null, industry, lifecycleStages: ['ACTIVE', 'ONBOARDING'] },
      });
      fill(
        target,
        h('h3', { tabindex: '-1', id: 'gap-partners-title' }, `Partners for ${scope}`),
        h(
          'p',
          {},
          `${cell.customerDemand} customers and ${cell.solutionDemand} solutions need it; ${cell.supply} eligible partner${cell.supply === 1 ? '' : 's'} supply it.`,
        ),
        partners.edges.length === 0
          ? h('p', { class: 'muted' }, 'No eligible partner has it: a gap to recruit for.')
          : h(
              'ul',
              {},
              partners.edges.map(({ node }) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    { type: 'button', class: 'link', 'data-partner-id': node.id, onclick: () => this.onOpenPartner(node.id) },
                    node.name,
                  ),
                  h('span', { class: 'muted' }, ` ${humanise(node.tier)}, ${humanise(node.lifecycleStage)}`),
                ),
              ),
            ),
        partners.totalCount > partners.edges.length
          ? h('p', { class: 'muted' }, `and ${partners.totalCount - partners.edges.length} more.`)
          : null,
      );
      byId('gap-partners-title').focus();
    } catch (error) {
      fill(target, failure('the partners', error));
    }
  }
}
