// Live updates: one graphql-ws connection to /graphql (same origin, ws: or wss:), the stored token in
// connectionParams, reconnecting after a lost connection or an API restart (the subscription starts
// again and its first event is the whole drawing). README, "Subscriptions".
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './gql/graphql';
import { currentToken } from './token-entry';

let client: Client | undefined;
let clientToken: string | null = null;

function liveClient(): Client {
  const token = currentToken();
  if (client && clientToken === token) return client;
  void client?.dispose();
  clientToken = token;
  client = createClient({
    url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`,
    connectionParams: () => (clientToken ? { authorization: `Bearer ${clientToken}` } : {}),
    lazy: true,
    retryAttempts: Infinity,
    // A bad token (4401) is not retried; everything else (a restart, a lost network) is.
    shouldRetry: (event) => !(event && typeof event === 'object' && 'code' in event && (event as CloseEvent).code === 4401),
  });
  return client;
}

/** Subscribes to a typed subscription; returns the function that stops it. */
export function follow<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onData: (data: TResult) => void,
  onEnd: (error?: unknown) => void = () => undefined,
): () => void {
  return liveClient().subscribe<TResult>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.data) onData(result.data);
      },
      error: (error) => onEnd(error),
      complete: () => onEnd(),
    },
  );
}
