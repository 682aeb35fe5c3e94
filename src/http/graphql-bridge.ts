// The bridge from Node's HTTP request to Apollo's executeHTTPGraphQLRequest and back: headers,
// query string and parsed body in; status, headers and body (whole or streamed) out. Every
// status comes from Apollo (an error's extensions.http.status, or 200 for an answer with data:
// response-status.ts), none is rewritten here.
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../context.js';

/** The operation's name from the body, else from the query string (GET). */
export function operationNameOf(body: unknown, url: URL): string | undefined {
  if (body && typeof body === 'object' && 'operationName' in body && typeof body.operationName === 'string') return body.operationName;
  return url.searchParams.get('operationName') ?? undefined;
}

export async function executeGraphql(
  apollo: ApolloServer<RequestContext>,
  req: IncomingMessage,
  url: URL,
  body: unknown,
  res: ServerResponse,
  context: () => Promise<RequestContext>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context,
  });
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) res.write(chunk);
  res.end();
}
