import type { MoneyResolvers } from '../src/generated/graphql.js';
import { formatMinor } from '../src/money/money.js';

export const Money: MoneyResolvers = {
  amount: (m) => formatMinor(m.minor, m.currency),
  currency: (m) => m.currency,
};
