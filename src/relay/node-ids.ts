// Global object identification (README, "Global object identification"). Entities keep their own ids, unique across
// kinds since migration 008; relationship objects and map elements get ids `Kind~key~key`: "~" is in no entity id
// (ID_PATTERN), so such an id never names an entity, and the kind and ends read back unambiguously.
export const RELATIONSHIP_KINDS = [
  'Account',
  'PartnerCapability',
  'CapabilityHolder',
  'PartnerIntegration',
  'SharingGrant',
  'SolutionMembership',
  'SolutionMember',
  'DealParticipation',
  'DealParticipant',
] as const;

export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

const SEPARATOR = '~';

/** The id of a relationship object of `kind` between the ends `a` and `b` (in the order its type's description gives). */
export function relationshipId(kind: RelationshipKind, a: string, b: string): string {
  return [kind, a, b].join(SEPARATOR);
}

/** The kind and ends of a relationship id; null for an entity id or anything else. */
export function parseRelationshipId(id: string): { kind: RelationshipKind; a: string; b: string } | null {
  const parts = id.split(SEPARATOR);
  if (parts.length !== 3 || !parts[1] || !parts[2]) return null;
  const kind = RELATIONSHIP_KINDS.find((k) => k === parts[0]);
  return kind ? { kind, a: parts[1], b: parts[2] } : null;
}

/** Whether an id can only be a relationship's or a map element's (it has the separator). */
export function isCompositeId(id: string): boolean {
  return id.includes(SEPARATOR);
}

/** A map element's id: `MapNode~<view>~<entity id>` or `MapEdge~<view>~<kind>~<source>~<target>`. */
export function mapElementId(kind: 'MapNode' | 'MapEdge', view: string, ...keys: string[]): string {
  return [kind, view, ...keys].join(SEPARATOR);
}

/** A map node as ecosystemMap's service returns it, tagged with its view (see mapView). */
export interface MapNodeRow {
  id: string;
  view?: string;
}

/** A map edge as ecosystemMap's service returns it, tagged with its view. */
export interface MapEdgeRow {
  source: string;
  target: string;
  kind: string;
  view?: string;
}
