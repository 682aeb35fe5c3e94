// An unexpected error (a database error mapped to "Unexpected error.", a bug in a resolver)
// leaves one line in the API log: the operation's name, the field's path and the cause (a Neo4j
// error's code and message). Variables and Cypher parameters are never logged.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';

/** The innermost error: GraphQLError.originalError and Error.cause are followed to the end. */
function rootCause(error: Error): Error {
  let current: Error = error;
  for (let i = 0; i < 10; i++) {
    const next = (current as GraphQLError).originalError ?? (current.cause instanceof Error ? current.cause : undefined);
    if (!next || next === current) break;
    current = next;
  }
  return current;
}

/**
 * An error's code: its `extensions.code`; without one, `BAD_REQUEST` when it carries a 4xx HTTP status (Apollo's own
 * refusal of a persisted query whose sha256 does not match its text has a status and no code), else
 * `INTERNAL_SERVER_ERROR`.
 */
export function errorCode(error: GraphQLError): string {
  const code = error.extensions?.code;
  if (typeof code === 'string') return code;
  const status = (error.extensions?.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
}

function isUnexpected(error: GraphQLError): boolean {
  return errorCode(error) === 'INTERNAL_SERVER_ERROR';
}

export function unexpectedErrorLogPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (!isUnexpected(error)) continue;
            const cause = rootCause(error);
            const code = (cause as { code?: unknown }).code;
            logger.error('unexpected error', {
              operation: operationName ?? 'anonymous',
              path: error.path?.join('.'),
              error: cause.name,
              ...(typeof code === 'string' ? { code } : {}),
              message: cause.message.slice(0, 500),
            });
          }
        },
      };
    },
  };
}
