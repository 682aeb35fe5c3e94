// How the front door answers on its own (before or instead of Apollo): JSON with an errors array
// whose entries carry extensions.code, as GraphQL answers do.
import type { ServerResponse } from 'node:http';
import { UnauthenticatedError } from '../errors.js';
import type { Logger } from '../logger.js';

/** A request refused before GraphQL runs (413 body too large, 400 bad JSON). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendGraphqlError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/** Answers a request whose handling threw: 401, the HttpError's status, or a logged 500. */
export function sendFailure(res: ServerResponse, err: unknown, logger: Logger): void {
  if (err instanceof UnauthenticatedError) return sendGraphqlError(res, 401, 'UNAUTHENTICATED', err.message);
  if (err instanceof HttpError) return sendGraphqlError(res, err.status, err.code, err.message);
  logger.error('request failed', { error: (err as Error).message });
  if (!res.headersSent) sendGraphqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
}
