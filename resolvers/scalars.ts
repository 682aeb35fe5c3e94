// The custom scalars, from graphql-scalars.
import { CurrencyResolver, DateTimeResolver, URLResolver } from 'graphql-scalars';

export const scalars = {
  DateTime: DateTimeResolver,
  URL: URLResolver,
  Currency: CurrencyResolver,
};
