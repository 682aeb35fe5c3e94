// A deal's panel, opened from the deals in a partner's panel: the deal, its registration decision under
// the rules of engagement (status, the rule that decided, the policy version, the deals it conflicts with
// and the explanation: Deal.registrationDecision) and the attribution frozen when it closed won, with its
// dispute (Deal.attributionSnapshot). It takes the partner panel's place; "Back" returns to the partner.
import { execute } from './api';
import { humanise } from './catalog';
import { byId, fill, h, loadInto } from './dom';
import { graphql } from './gql';
import { formatMoney } from './money-format';

const DealPanelQuery = graphql(`
  query DealPanel($id: ID!) {
    deal(id: $id) {
      id
      name
      stage
      createdAt
      closedAt
      direct
      amount {
        amount
        currency
      }
      customer {
        id
        name
      }
      participants {
        id
        role
        sourced
        partner {
          id
          name
        }
      }
      registrationDecision {
        status
        rule
        policyVersion
        explanation
        decidedAt
        conflictsWith {
          id
          name
        }
      }
      attributionSnapshot {
        model
        policyVersion
        at
        revised
        shares {
          partner {
            id
            name
          }
          share {
            amount
            currency
          }
        }
        dispute {
          status
          reason
          raisedBy {
            id
            name
          }
          resolutionNote
        }
      }
    }
  }
`);

const dateTime = (iso: unknown) =>
  typeof iso === 'string'
    ? new Date(iso)
        .toISOString()
        .replace('T', ' ')
        .replace(/:\d\d\.\d+Z$/, ' UTC')
    : '—';

export class DealPanel {
  private readonly panel = byId('deal-panel');
  private dealId: string | null = null;

  constructor(
    /** Shows the partner panel again (the panel the deal was opened from). */
    private readonly back: () => void,
    /** Opens a partner's panel (a participant or a conflicting deal's). */
    private readonly openPartner: (id: string) => void,
  ) {
    byId('deal-panel-back').addEventListener('click', () => this.close());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
  }

  get openDealId(): string | null {
    return this.dealId;
  }

  async open(id: string): Promise<void> {
    this.dealId = id;
    this.panel.hidden = false;
    this.panel.dataset.dealId = id;
    const title = byId('deal-panel-title');
    title.textContent = 'Deal';
    title.focus();
    await loadInto(
      byId('deal-body'),
      'the deal',
      () => execute(DealPanelQuery, { id }),
      ({ deal }) => {
        if (this.dealId !== id) return [];
        if (!deal) return h('p', { class: 'error', role: 'alert' }, `No deal ${id}.`);
        title.textContent = deal.name;
        const row = (term: string, value: Node | string, attributes: Record<string, string> = {}) => [
          h('dt', {}, term),
          h('dd', attributes, value),
        ];
        const d = deal.registrationDecision;
        const s = deal.attributionSnapshot;
        return [
          h(
            'dl',
            { class: 'profile' },
            row('Customer', deal.customer.name),
            row('Amount', formatMoney(deal.amount.amount, deal.amount.currency)),
            row('Stage', humanise(deal.stage)),
            row('Registered', dateTime(deal.createdAt)),
            deal.closedAt ? row('Closed', dateTime(deal.closedAt)) : [],
            row(
              'Participants',
              deal.participants.length
                ? h(
                    'ul',
                    { class: 'plain' },
                    deal.participants.map((p) =>
                      h(
                        'li',
                        {},
                        h('button', { type: 'button', class: 'link', onclick: () => this.openPartner(p.partner.id) }, p.partner.name),
                        ` ${humanise(p.role)}${p.sourced ? ', sourced it' : ''}`,
                      ),
                    ),
                  )
                : deal.direct
                  ? 'none: the vendor sells direct'
                  : 'none',
            ),
          ),
          h('h3', {}, 'Registration decision'),
          h(
            'dl',
            {
              class: 'profile',
              id: 'deal-decision',
              'data-status': d.status,
              'data-rule': d.rule,
              'data-policy-version': d.policyVersion ?? '',
            },
            row('Status', humanise(d.status), { 'data-field': 'status' }),
            row('Rule', humanise(d.rule), { 'data-field': 'rule' }),
            row(
              'Policy version',
              d.policyVersion === null || d.policyVersion === undefined ? 'none (not decided by the rules)' : `v${d.policyVersion}`,
              {
                'data-field': 'policyVersion',
              },
            ),
            row('Decided', dateTime(d.decidedAt)),
            row(
              'Conflicts with',
              d.conflictsWith.length
                ? h(
                    'ul',
                    { class: 'plain', 'data-field': 'conflictsWith' },
                    d.conflictsWith.map((c) =>
                      h(
                        'li',
                        {},
                        h('button', { type: 'button', class: 'link', 'data-deal-id': c.id, onclick: () => void this.open(c.id) }, c.name),
                      ),
                    ),
                  )
                : 'none',
            ),
          ),
          h('p', { id: 'deal-explanation', class: 'explanation' }, d.explanation),
          h('h3', {}, 'Attribution'),
          s
            ? h(
                'div',
                { id: 'deal-attribution', 'data-model': s.model, 'data-revised': String(s.revised) },
                h(
                  'p',
                  { class: 'muted' },
                  `Frozen ${dateTime(s.at)} under ${humanise(s.model)} (policy v${s.policyVersion})${s.revised ? ', revised after a dispute' : ''}.`,
                ),
                s.shares.length
                  ? h(
                      'table',
                      { class: 'compact' },
                      h('caption', {}, 'Frozen shares'),
                      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Partner'), h('th', { scope: 'col' }, 'Share'))),
                      h(
                        'tbody',
                        {},
                        s.shares.map((sh) =>
                          h(
                            'tr',
                            { 'data-partner-id': sh.partner.id, 'data-amount': sh.share.amount, 'data-currency': sh.share.currency },
                            h('td', {}, sh.partner.name),
                            h('td', { class: 'number' }, formatMoney(sh.share.amount, sh.share.currency)),
                          ),
                        ),
                      ),
                    )
                  : h('p', { class: 'muted' }, 'No shares: nobody sourced it.'),
                s.dispute
                  ? h(
                      'p',
                      { 'data-dispute-status': s.dispute.status },
                      `Dispute ${humanise(s.dispute.status).toLowerCase()}${s.dispute.raisedBy ? ` (raised by ${s.dispute.raisedBy.name})` : ''}: ${s.dispute.reason}`,
                      s.dispute.resolutionNote ? ` — ${s.dispute.resolutionNote}` : '',
                    )
                  : null,
              )
            : h('p', { id: 'deal-attribution', class: 'muted' }, 'Not frozen: the deal has not closed won since snapshots were kept.'),
        ];
      },
    );
  }

  /** Hides the deal and shows the partner panel it was opened from. */
  close(): void {
    if (this.panel.hidden) return;
    this.hide();
    this.back();
  }

  /** Hides the deal without going back (another partner's panel opens in its place). */
  hide(): void {
    this.panel.hidden = true;
    this.dealId = null;
    delete this.panel.dataset.dealId;
    fill(byId('deal-body'));
  }
}
