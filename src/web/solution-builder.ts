// The solution builder: capabilities (plus region, industry, max partners, required types) →
// assembleSolution's proposals with who covers what → one saved as a DRAFT with saveSolution.
import { execute } from './api';
import { PARTNER_TYPES } from '../model/vocabulary';
import { humanise, type Catalog } from './catalog';
import { byId, failure, fill, h, loading } from './dom';
import { graphql } from './gql';
import type { AssembleSolutionViewQuery, PartnerType } from './gql/graphql';

const AssembleSolutionView = graphql(`
  query AssembleSolutionView($input: AssembleSolutionInput!) {
    assembleSolution(input: $input) {
      proposals {
        partnerCount
        score
        reasons
        partners {
          partner {
            id
            name
            types
            tier
          }
          covers {
            id
            name
          }
          suggestedRole
        }
      }
      uncoveredCapabilities {
        id
        name
      }
      minimumPartnerCount
      exhaustive
      timedOut
      notes
    }
  }
`);

const SaveSolutionView = graphql(`
  mutation SaveSolutionView($input: SaveSolutionInput!) {
    saveSolution(input: $input) {
      solution {
        id
        name
        status
      }
      errors {
        path
        message
        code
      }
    }
  }
`);

type Proposal = AssembleSolutionViewQuery['assembleSolution']['proposals'][number];

interface Request {
  capabilityIds: string[];
  region: string | null;
  industry: string | null;
}

export class SolutionBuilder {
  private catalog: Catalog | null = null;
  private proposalCount = 0;

  constructor(private readonly onOpenPartner: (id: string) => void) {
    byId<HTMLFormElement>('builder-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.assemble();
    });
    byId<HTMLInputElement>('builder-capability-filter').addEventListener('input', (event) => {
      const text = (event.target as HTMLInputElement).value.trim().toLowerCase();
      for (const item of byId('builder-capabilities').querySelectorAll<HTMLElement>('li'))
        item.hidden = text !== '' && !(item.textContent ?? '').toLowerCase().includes(text);
    });
  }

  setCatalog(catalog: Catalog): void {
    this.catalog = catalog;
    const checked = new Set(this.selectedCapabilities());
    fill(
      byId('builder-capabilities'),
      catalog.capabilities.map((c) =>
        h(
          'li',
          {},
          h(
            'label',
            {},
            h('input', { type: 'checkbox', name: 'capability', value: c.id, checked: checked.has(c.id) }),
            ` ${c.name}`,
            c.category ? h('span', { class: 'muted' }, ` ${c.category}`) : null,
          ),
        ),
      ),
    );
    const region = byId<HTMLSelectElement>('builder-region');
    fill(
      region,
      h('option', { value: '' }, 'Any region'),
      catalog.regions.map((r) => h('option', { value: r }, r)),
    );
    const industry = byId<HTMLSelectElement>('builder-industry');
    fill(
      industry,
      h('option', { value: '' }, 'Any industry'),
      catalog.industries.map((i) => h('option', { value: i }, humanise(i))),
    );
    fill(
      byId('builder-types'),
      PARTNER_TYPES.map((t) =>
        h('li', {}, h('label', {}, h('input', { type: 'checkbox', name: 'requiredType', value: t }), ` ${humanise(t)}`)),
      ),
    );
  }

  private selectedCapabilities(): string[] {
    return [...document.querySelectorAll<HTMLInputElement>('#builder-capabilities input:checked')].map((i) => i.value);
  }

  private async assemble(): Promise<void> {
    const result = byId('builder-result');
    const capabilityIds = this.selectedCapabilities();
    if (capabilityIds.length === 0) {
      fill(result, h('p', { class: 'error', role: 'alert' }, 'Choose at least one capability.'));
      return;
    }
    const request: Request = {
      capabilityIds,
      region: byId<HTMLSelectElement>('builder-region').value || null,
      industry: byId<HTMLSelectElement>('builder-industry').value || null,
    };
    const requiredTypes = [...document.querySelectorAll<HTMLInputElement>('#builder-types input:checked')].map(
      (i) => i.value as PartnerType,
    );
    const maxPartners = Number(byId<HTMLInputElement>('builder-max').value) || 5;
    fill(result, loading('proposals'));
    result.setAttribute('aria-busy', 'true');
    try {
      const { assembleSolution: a } = await execute(AssembleSolutionView, {
        input: { ...request, maxPartners, requiredTypes: requiredTypes.length ? requiredTypes : null, limit: 5 },
      });
      const names = new Map(this.catalog?.capabilities.map((c) => [c.id, c.name]));
      fill(
        result,
        h(
          'p',
          { role: 'status', id: 'builder-summary', 'data-proposal-count': a.proposals.length },
          a.proposals.length
            ? `${a.proposals.length} proposal${a.proposals.length === 1 ? '' : 's'}; the smallest needs ${a.minimumPartnerCount ?? a.proposals[0]!.partnerCount} partner${(a.minimumPartnerCount ?? 2) === 1 ? '' : 's'}${a.exhaustive ? '' : ' (not every combination was ranked)'}.`
            : 'No proposal fits.',
        ),
        a.uncoveredCapabilities.length
          ? h('p', { class: 'error' }, `No partner in scope has: ${a.uncoveredCapabilities.map((c) => c.name).join(', ')}.`)
          : null,
        a.timedOut ? h('p', { class: 'warning' }, 'The time budget ran out: these are the best found, not necessarily the best.') : null,
        a.notes.length
          ? h(
              'ul',
              { class: 'notes' },
              a.notes.map((n) => h('li', {}, n)),
            )
          : null,
        h(
          'ol',
          { class: 'proposals' },
          a.proposals.map((p, i) => this.renderProposal(p, i, request, names)),
        ),
      );
    } catch (error) {
      fill(result, failure('proposals', error));
    } finally {
      result.removeAttribute('aria-busy');
    }
  }

  private renderProposal(proposal: Proposal, index: number, request: Request, names: Map<string, string>): HTMLElement {
    const n = ++this.proposalCount;
    const nameId = `proposal-name-${n}`;
    const outcome = h('div', { class: 'save-outcome', 'aria-live': 'polite' });
    const defaultName = `${request.capabilityIds.map((id) => names.get(id) ?? id).join(' + ')} (${proposal.partners.map((m) => m.partner.name).join(', ')})`;
    const form = h(
      'form',
      { class: 'save-form' },
      h('label', { for: nameId }, 'Name'),
      h('input', { id: nameId, name: 'name', required: true, value: defaultName.slice(0, 200) }),
      h('button', { type: 'submit' }, 'Save as draft'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
      void this.save(name, proposal, request, outcome, form);
    });
    return h(
      'li',
      { class: 'proposal', 'data-partner-count': proposal.partnerCount },
      h(
        'h3',
        {},
        `Proposal ${index + 1}: ${proposal.partnerCount} partner${proposal.partnerCount === 1 ? '' : 's'}, score ${proposal.score.toFixed(1)}`,
      ),
      proposal.reasons.length
        ? h(
            'ul',
            { class: 'reasons' },
            proposal.reasons.map((r) => h('li', {}, r)),
          )
        : null,
      h(
        'table',
        { class: 'compact' },
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, 'Partner'), h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Covers')),
        ),
        h(
          'tbody',
          {},
          proposal.partners.map((m) =>
            h(
              'tr',
              { 'data-partner-id': m.partner.id },
              h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => this.onOpenPartner(m.partner.id) }, m.partner.name)),
              h('td', {}, humanise(m.suggestedRole)),
              h('td', {}, m.covers.map((c) => c.name).join(', ')),
            ),
          ),
        ),
      ),
      form,
      outcome,
    );
  }

  private async save(name: string, proposal: Proposal, request: Request, outcome: HTMLElement, form: HTMLFormElement): Promise<void> {
    const button = form.querySelector('button')!;
    button.disabled = true;
    fill(outcome, loading('the save'));
    try {
      const { saveSolution } = await execute(SaveSolutionView, {
        input: {
          name,
          capabilityIds: request.capabilityIds,
          members: proposal.partners.map((m) => ({ partnerId: m.partner.id, role: m.suggestedRole })),
          regions: request.region ? [request.region] : [],
          industries: request.industry ? [request.industry] : [],
        },
      });
      // A refused mutation is null with an error, which execute has already thrown.
      if (!saveSolution) throw new Error('The solution was not saved.');
      if (saveSolution.errors.length || !saveSolution.solution) {
        fill(
          outcome,
          h(
            'ul',
            { class: 'error', role: 'alert' },
            saveSolution.errors.map((e) => h('li', {}, `${e.path.join('.')}: ${e.message}`)),
          ),
        );
        button.disabled = false;
        return;
      }
      const s = saveSolution.solution;
      outcome.dataset.solutionId = s.id;
      fill(outcome, h('p', { class: 'saved' }, `Saved “${s.name}” as a ${humanise(s.status).toLowerCase()} solution (${s.id}).`));
    } catch (error) {
      fill(outcome, failure('the save', error));
      button.disabled = false;
    }
  }
}
