// One statement per root field from the selection (src/read/, BENCHMARKS.md "Read speed"): the roots it compiles read
// their nested lists in the same statement and the list fields answer from the row; anything it does not compile is
// answered by the resolvers as before.
import type { GraphQLResolveInfo } from 'graphql';
import type { CustomerResolvers, DealResolvers, PartnerResolvers, QueryResolvers } from '../src/generated/graphql.js';
import type { RequestContext } from '../src/context.js';
import { prefetched } from '../src/read/compile.js';
import { readCustomersPage, readPartner, readPartnersPage } from '../src/read/root-reads.js';

type Resolver = (parent: unknown, args: never, ctx: RequestContext, info: GraphQLResolveInfo) => unknown;

/** The root resolvers, each compiled when it can be and else the one given (`fallback`). */
export function compiledQuery(fallback: Pick<Required<QueryResolvers>, 'partner' | 'partners' | 'customers'>) {
  const partners = fallback.partners as unknown as Resolver;
  const partner = fallback.partner as unknown as Resolver;
  const customers = fallback.customers as unknown as Resolver;
  return {
    partners: async (p, args, ctx, info) =>
      (ctx.compiledReads !== false && (await readPartnersPage(ctx.db, info, args as never))) || partners(p, args as never, ctx, info),
    partner: async (p, args, ctx, info) => {
      const read = ctx.compiledReads === false ? null : await readPartner(ctx.db, info, args.id);
      return read ? read.row : partner(p, args as never, ctx, info);
    },
    customers: async (p, args, ctx, info) => {
      // Arguments this read does not know (an order, backward paging) go to the resolver given.
      const known =
        ctx.compiledReads !== false && Object.entries(args).every(([k, v]) => ['filter', 'first', 'after'].includes(k) || v == null);
      return (known && (await readCustomersPage(ctx.db, info, args as never))) || customers(p, args as never, ctx, info);
    },
  } as Pick<QueryResolvers, 'partner' | 'partners' | 'customers'>;
}

/** Each of `fields` answers from the row's prefetched list when the row was read with it, else as `resolvers` does. */
function fromRow<R extends object>(resolvers: R, fields: readonly (keyof R & string)[]): R {
  const out = { ...resolvers } as Record<string, unknown>;
  for (const field of fields) {
    const inner = (resolvers as Record<string, Resolver>)[field]!;
    out[field] = (parent: unknown, args: never, ctx: RequestContext, info: GraphQLResolveInfo) => {
      const got = prefetched(parent, info.path.key);
      if (got === undefined) return inner(parent, args, ctx, info);
      // A connection: its first page and its count each came with the row when asked; the rest as before.
      if (field.endsWith('Connection')) {
        const connection = inner(parent, args, ctx, info) as object;
        const read = got as { edges?: unknown; pageInfo?: unknown; totalCount?: number };
        return {
          ...connection,
          ...(read.edges !== undefined ? { edges: () => Promise.resolve(read.edges), pageInfo: () => Promise.resolve(read.pageInfo) } : {}),
          ...(read.totalCount !== undefined ? { totalCount: () => Promise.resolve(read.totalCount) } : {}),
        };
      }
      return got;
    };
  }
  return out as R;
}

export const compiledPartner = (r: PartnerResolvers) =>
  fromRow(r, ['capabilities', 'accounts', 'accountsConnection', 'integrations', 'solutions', 'deals']);
export const compiledCustomer = (r: CustomerResolvers) => fromRow(r, ['accounts', 'deals']);
export const compiledDeal = (r: DealResolvers) => fromRow(r, ['participants']);
