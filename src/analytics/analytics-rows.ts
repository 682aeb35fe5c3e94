// The shapes the analytics service returns (codegen maps the GraphQL types to these; see codegen.ts).
import type { Connection, PartnerRow } from '../model/rows.js';

/** A community of the partition: members ordered by id, label from its commonest capabilities and regions. */
export interface CommunityRow {
  /** `community-<smallest member id>`: stable while the membership is. */
  id: string;
  size: number;
  label: string;
  /** Σ w over edges with both ends inside. */
  internalWeight: number;
  /** Σ of the members' strengths (weighted degrees). */
  totalStrength: number;
  topCapabilities: { id: string; name: string; members: number }[];
  topRegions: { region: string; members: number }[];
  members: PartnerRow[];
}

export interface CommunityPartitionRow {
  modularity: number;
  totalWeight: number;
  partnerCount: number;
  edgeCount: number;
  /** Largest first, then by id. */
  communities: CommunityRow[];
}

export type CommunityConnectionRow = Connection<CommunityRow>;
