// Colours: partners by their first type, every other kind by one colour of its own. The legend
// names each colour in words, so colour is never the only carrier of meaning.
import { h, fill } from './dom';
import { PARTNER_TYPES } from '../model/vocabulary';
import { humanise } from './catalog';
import type { MapNodeKind } from './gql/graphql';

const TYPE_COLOURS: Record<(typeof PARTNER_TYPES)[number], string> = {
  TECHNOLOGY: '#1f77b4',
  RESELLER: '#ff7f0e',
  DISTRIBUTOR: '#8c564b',
  SERVICES: '#2ca02c',
  MSP: '#17becf',
  REFERRAL: '#bcbd22',
  INFLUENCER: '#e377c2',
  HYPERSCALER: '#9467bd',
  TRAINING: '#7f7f7f',
  STRATEGIC_ALLIANCE: '#d62728',
};

const KIND_COLOURS: Record<Exclude<MapNodeKind, 'PARTNER'>, string> = {
  CAPABILITY: '#334155',
  CUSTOMER: '#f4b400',
  SOLUTION: '#0b8457',
  DEAL: '#a0522d',
};

export function nodeColour(kind: MapNodeKind, group: string | null): string {
  if (kind === 'PARTNER') return (group && TYPE_COLOURS[group as keyof typeof TYPE_COLOURS]) || '#64748b';
  return KIND_COLOURS[kind];
}

export function renderLegend(container: HTMLElement, showCustomers: boolean): void {
  const entry = (colour: string, text: string) =>
    h('li', {}, h('span', { class: 'swatch', style: `background:${colour}`, 'aria-hidden': 'true' }), text);
  fill(
    container,
    h('h2', {}, 'Legend'),
    h(
      'ul',
      { class: 'legend' },
      PARTNER_TYPES.map((type) => entry(TYPE_COLOURS[type], `Partner: ${humanise(type)}`)),
      entry(KIND_COLOURS.CAPABILITY, 'Capability'),
      showCustomers ? entry(KIND_COLOURS.CUSTOMER, 'Customer') : null,
    ),
    h('p', { class: 'hint' }, 'Node size grows with its number of relationships (degree).'),
  );
}
