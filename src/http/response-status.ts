// The HTTP status of an executed operation (GraphQL over HTTP, "Status Codes": "If the GraphQL response contains a
// non-null {data} entry then the server MUST use the 200 status code" for application/json, and MUST reply 2xx,
// SHOULD 200, for application/graphql-response+json). Apollo takes the status from an error's extensions.http (403
// FORBIDDEN, 503 SERVICE_UNAVAILABLE, ...) even when other root fields answered; such a partial response is a
// success that carries field errors, so it leaves as 200 with its data and errors. Without data (a request error:
// 400, a missing token: 401) or with data null (a non-null root field failed) the error's status stays.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context.js';

/** Sets 200 on every single response whose data is present and not null. */
export function partialResponseStatusPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.data != null) response.http.status = 200;
        },
      };
    },
  };
}
