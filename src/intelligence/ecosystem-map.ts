// ecosystemMap: nodes and edges for a frontend to draw, in one Cypher query: the whole-ecosystem
// overview or the neighbourhood of a centre node.
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError } from '../errors.js';
import type { MapNodeKind } from '../model/vocabulary.js';
import { AnalyticsService } from '../analytics/analytics-service.js';
import { asOfInstant } from '../time/as-of.js';

/** The relationships the map draws (the Cypher file lists the same types). */
export type MapEdgeKind =
  | 'HAS_CAPABILITY'
  | 'CHILD_OF'
  | 'INTEGRATES_WITH'
  | 'HAS_ACCOUNT'
  | 'NEEDS'
  | 'REQUIRES'
  | 'MEMBER_OF'
  | 'PARTICIPATES_IN'
  | 'FOR_CUSTOMER'
  | 'FOR_SOLUTION'
  | 'PARTNER_NETWORK';

const LABELS: Record<Exclude<MapNodeKind, 'COMMUNITY'>, string> = {
  PARTNER: 'Partner',
  CAPABILITY: 'Capability',
  CUSTOMER: 'Customer',
  SOLUTION: 'Solution',
  DEAL: 'Deal',
};

export const MAX_MAP_NODES = 2000;

export interface EcosystemMapRequest {
  centerId?: string | null;
  depth?: number | null;
  kinds?: MapNodeKind[] | null;
  partnerTypes?: string[] | null;
  regions?: string[] | null;
  industries?: string[] | null;
  limit?: number | null;
  groupBy?: 'NONE' | 'COMMUNITY' | null;
  communityId?: string | null;
  /** Draw the graph as of this instant (README, "Time"); absent for now. */
  asOf?: Date | null;
}

export interface EcosystemGraphRow {
  nodes: { id: string; kind: MapNodeKind; label: string; group: string | null; weight: number; distance: number }[];
  edges: { source: string; target: string; kind: MapEdgeKind; weight?: number | null }[];
  truncated: boolean;
}

export class EcosystemMapService {
  constructor(private readonly db: CypherExecutor) {}

  async ecosystemMap(input: EcosystemMapRequest | null | undefined): Promise<EcosystemGraphRow> {
    const centerId = input?.centerId ?? null;
    const depth = input?.depth ?? 1;
    const limit = input?.limit ?? 200;
    if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new BadInputError('depth must be 1, 2 or 3', ['input', 'depth']);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MAP_NODES) {
      throw new BadInputError(`limit must be between 1 and ${MAX_MAP_NODES}`, ['input', 'limit']);
    }
    const at = asOfInstant(input?.asOf, ['input', 'asOf']);
    if (input?.groupBy === 'COMMUNITY') {
      if (at !== null)
        throw new BadInputError('asOf cannot be combined with groupBy COMMUNITY (communities are of the current graph)', ['input', 'asOf']);
      if (centerId !== null)
        throw new BadInputError('centerId cannot be combined with groupBy COMMUNITY (use communityId)', ['input', 'centerId']);
      return new AnalyticsService(this.db).communityMap(input.communityId ?? null, limit);
    }
    const kinds = (input?.kinds ?? (centerId === null ? ['PARTNER', 'CAPABILITY'] : Object.keys(LABELS))).filter(
      (k): k is keyof typeof LABELS => k in LABELS,
    );
    const filters = {
      labels: [...new Set(kinds)].map((k) => LABELS[k]),
      partnerTypes: input?.partnerTypes ?? null,
      regions: input?.regions ?? null,
      industries: input?.industries ?? null,
      limit,
    };
    // One query either way: the overview or the centre's neighbourhood (empty when the centre does not exist).
    // As of an instant: the same two queries over the relationships that held then (README, "Time").
    const suffix = at === null ? '' : '-as-of';
    const timed = at === null ? filters : { ...filters, asOf: at };
    const [row] =
      centerId === null
        ? await this.db.read<EcosystemGraphRow>(`intelligence/get-ecosystem-overview${suffix}`, timed)
        : await this.db.read<EcosystemGraphRow>(`intelligence/get-ecosystem-neighbourhood${suffix}`, { ...timed, centerId, depth });
    return row ?? { nodes: [], edges: [], truncated: false };
  }
}
