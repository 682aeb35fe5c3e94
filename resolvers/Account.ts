import type { AccountResolvers } from '../src/generated/graphql.js';
import { required } from './required.js';

// Rows read from either side carry the far end; the entity loaders cover the rest. The far end is
// returned as it is, not through an async function: a promise per account would cost each of the
// thousands of accounts of a list its own trip through the event loop (BENCHMARKS.md).
export const Account: AccountResolvers = {
  partner: (a, _x, ctx) => a.partner ?? ctx.loaders.partner.load(a.partnerId).then((p) => required(p, 'partner', a.partnerId)),
  customer: (a, _x, ctx) => a.customer ?? ctx.loaders.customer.load(a.customerId).then((c) => required(c, 'customer', a.customerId)),
};
