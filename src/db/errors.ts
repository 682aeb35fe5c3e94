// Driver errors mapped to API errors in one place; a raw Neo4jError never reaches a client.
import { Neo4jError } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { InternalError, ProblemsError, QueryTimeoutError, ServiceUnavailableError } from '../errors.js';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

export function isConstraintViolation(err: unknown): boolean {
  return err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

export function isUnavailable(err: unknown): boolean {
  return err instanceof Neo4jError && (UNAVAILABLE.has(err.code) || err.code.startsWith('Neo.TransientError.General.DatabaseUnavailable'));
}

export function mapDriverError(err: unknown): Error {
  if (err instanceof GraphQLError || err instanceof ProblemsError) return err;
  if (err instanceof Neo4jError) {
    if (isUnavailable(err)) return new ServiceUnavailableError();
    if (
      err.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
      err.code === 'Neo.TransientError.Transaction.LockClientStopped'
    ) {
      return new QueryTimeoutError();
    }
    if (err.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError') {
      return new GraphQLError('The operation needs more database memory than one transaction may use.', {
        extensions: { code: 'RESOURCE_EXHAUSTED' },
      });
    }
    if (err.code.startsWith('Neo.TransientError.')) return new ServiceUnavailableError('The database is busy; try again.');
    if (isConstraintViolation(err) && /label `Entity`/.test(err.message)) {
      // Migration 008's constraint: an import or a race gave an entity an id another kind has.
      return new GraphQLError('The change gives an entity an id that an entity of another kind has: ids are unique across kinds.', {
        extensions: { code: 'CONFLICT' },
      });
    }
    if (isConstraintViolation(err)) {
      return new GraphQLError('The change conflicts with existing data.', { extensions: { code: 'CONFLICT' } });
    }
    return new InternalError(undefined, err);
  }
  return err instanceof Error ? err : new InternalError();
}
