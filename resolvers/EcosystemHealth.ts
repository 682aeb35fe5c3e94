import type { AttributedPartnerResolvers, EcosystemHealthResolvers } from '../src/generated/graphql.js';
import type { AttributedPartnerRow, PartnerRow } from '../src/model/rows.js';
import { pageSize } from '../src/model/pagination.js';

export const EcosystemHealth: EcosystemHealthResolvers = {
  topConnectors: async (h, { first }, ctx) => {
    const size = pageSize(first, 5);
    const partners = await ctx.loaders.partner.loadMany(h.connectorIds.slice(0, size));
    return partners.filter((p): p is Exclude<typeof p, Error | null> => p !== null && !(p instanceof Error));
  },
  // A partner deleted since keeps its share in the snapshot but is not listed (as topConnectors).
  topAttributedPartners: async (h, { first }, ctx) => {
    const rows = h.attributedPartners.slice(0, pageSize(first, 5));
    const partners = await ctx.loaders.partner.loadMany(rows.map((r) => r.partnerId));
    return rows.flatMap((row, i) => {
      const partner = partners[i];
      return partner && !(partner instanceof Error) ? [{ ...row, partner }] : [];
    });
  },
};

export const AttributedPartner: AttributedPartnerResolvers = {
  // topAttributedPartners loaded it.
  partner: (row) => (row as AttributedPartnerRow & { partner: PartnerRow }).partner,
};
