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

/** Twelve distinguishable hues for communities, picked by a hash of the community id. */
const COMMUNITY_COLOURS = [
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
  '#a6761d',
  '#1f78b4',
  '#b2df8a',
  '#fb9a99',
  '#cab2d6',
  '#6a3d9a',
];

export function communityColour(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) >>> 0;
  return COMMUNITY_COLOURS[hash % COMMUNITY_COLOURS.length]!;
}

const KIND_COLOURS: Record<Exclude<MapNodeKind, 'PARTNER' | 'COMMUNITY'>, string> = {
  CAPABILITY: '#334155',
  CUSTOMER: '#f4b400',
  SOLUTION: '#0b8457',
  DEAL: '#a0522d',
};

export function nodeColour(kind: MapNodeKind, group: string | null): string {
  if (kind === 'PARTNER') return (group && TYPE_COLOURS[group as keyof typeof TYPE_COLOURS]) || '#64748b';
  if (kind === 'COMMUNITY') return communityColour(group ?? '');
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
