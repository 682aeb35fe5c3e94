// A subscription sent over HTTP: Apollo would run its resolvers once without an event and answer an internal error.
// Subscriptions are served over WebSocket only (src/http/websocket.ts; README, "Subscriptions"), so over HTTP one is
// the client's mistake: 400 BAD_REQUEST, before anything runs, on either executor (src/http/execute.ts).
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context.js';

/** Refuses a `subscription` operation over HTTP with 400 and extensions.code BAD_REQUEST, naming graphql-ws. */
export function subscriptionsOverHttpPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(
            'Subscriptions are served over WebSocket (graphql-ws, protocol graphql-transport-ws) on this same path, not over HTTP.',
            { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
          );
        },
      };
    },
  };
}
