// ecosystemMap: nodes and edges for a frontend to draw, in one Cypher query: the whole-ecosystem
// overview or the neighbourhood of a centre node.
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError } from '../errors.js';
import type { MapNodeKind } from '../model/vocabulary.js';

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
  | 'FOR_SOLUTION';

const LABELS: Record<MapNodeKind, string> = {
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
}

export interface EcosystemGraphRow {
  nodes: { id: string; kind: MapNodeKind; label: string; group: string | null; weight: number; distance: number }[];
  edges: { source: string; target: string; kind: MapEdgeKind }[];
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
    const kinds = input?.kinds ?? (centerId === null ? ['PARTNER', 'CAPABILITY'] : (Object.keys(LABELS) as MapNodeKind[]));
    const filters = {
      labels: [...new Set(kinds)].map((k) => LABELS[k]),
      partnerTypes: input?.partnerTypes ?? null,
      regions: input?.regions ?? null,
      industries: input?.industries ?? null,
      limit,
    };
    // One query either way: the overview or the centre's neighbourhood (empty when the centre does not exist).
    const [row] =
      centerId === null
        ? await this.db.read<EcosystemGraphRow>('intelligence/get-ecosystem-overview', filters)
        : await this.db.read<EcosystemGraphRow>('intelligence/get-ecosystem-neighbourhood', { ...filters, centerId, depth });
    return row ?? { nodes: [], edges: [], truncated: false };
  }
}
