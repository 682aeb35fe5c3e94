// The two kinds of error. Expected failures are data (PayloadProblem in a mutation payload);
// unexpected ones, auth and unavailability are GraphQLErrors with an extensions.code.
import { GraphQLError } from 'graphql';

export type ProblemCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN';

export interface Problem {
  path: string[];
  message: string;
  code: ProblemCode;
}

export class ServiceUnavailableError extends GraphQLError {
  constructor(message = 'The database is unavailable; try again shortly.') {
    super(message, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
  }
}

export class QueryTimeoutError extends GraphQLError {
  constructor(message = 'The query took too long and was stopped.') {
    super(message, { extensions: { code: 'TIMEOUT', http: { status: 503 } } });
  }
}

/** Unexpected: the client reads only the message; `cause` (e.g. the Neo4jError) goes to the API log (src/http/error-log.ts). */
export class InternalError extends GraphQLError {
  constructor(message = 'Unexpected error.', cause?: Error) {
    super(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' }, originalError: cause });
  }
}

export class BadInputError extends GraphQLError {
  constructor(message: string, path?: string[]) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(path ? { path } : {}) } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'Not allowed.') {
    super(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
}

/** A query about one entity (e.g. dealAttribution) named an id that does not exist. */
export class NotFoundError extends GraphQLError {
  constructor(message: string, path?: string[]) {
    super(message, { extensions: { code: 'NOT_FOUND', ...(path ? { path } : {}) } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'A valid bearer token is required.') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** Thrown inside a write transaction to roll it back and report problems as payload errors. */
export class ProblemsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '));
  }
}
