// Time (issue 14, README "Time"): the ended relationships (HAD_*) beside the current ones on request, and the
// partners' stage and tier histories.
import type DataLoader from 'dataloader';
import type { PartnerIntegrationResolvers, PartnerResolvers, StageChange, TierChange } from '../src/generated/graphql.js';
import { relationshipId } from '../src/relay/node-ids.js';
import { required } from './required.js';
import type { ValidityRow } from '../src/model/rows.js';

/**
 * The current list, and with includeEnded the ended one merged in: ordered by `key` (the list's own order), then by
 * since (none first), as each list is ordered on its own. Without includeEnded the ended loader is not called.
 */
export async function withEnded<T extends ValidityRow>(
  current: Promise<T[]>,
  ended: DataLoader<string, T[]>,
  id: string,
  includeEnded: boolean | null | undefined,
  key: (row: T) => string,
): Promise<T[]> {
  if (!includeEnded) return current;
  const [now, past] = await Promise.all([current, ended.load(id)]);
  const since = (row: T) => row.since?.getTime() ?? -Infinity;
  return [...now, ...past].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : since(a) - since(b)));
}

/** Partner.stageHistory and Partner.tierHistory, read together by one loader. */
export const PartnerHistory: Pick<PartnerResolvers, 'stageHistory' | 'tierHistory'> = {
  stageHistory: async (p, _a, ctx): Promise<StageChange[]> => (await ctx.loaders.partnerHistories.load(p.id))?.stageHistory ?? [],
  tierHistory: async (p, _a, ctx): Promise<TierChange[]> => (await ctx.loaders.partnerHistories.load(p.id))?.tierHistory ?? [],
};

/** One interval of an integration (schema/time-integrations.graphql): its Node id names the pair, this end first. */
export const PartnerIntegration: PartnerIntegrationResolvers = {
  id: (i) => relationshipId('PartnerIntegration', required(i.ownerId, 'partner', '(its other end)'), i.partner.id),
};
