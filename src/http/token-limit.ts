// The token limit (MAX_TOKENS) as a validation rule: a document with more lexical tokens than
// the limit is refused with 400 GRAPHQL_VALIDATION_FAILED, as the other size limits are.
// graphql-armor's own token limit parses inside a plugin hook, where Apollo answers the limit
// and any syntax error with a 500, so it is switched off where the armor is built (request-limits.ts).
import { GraphQLError, TokenKind, type ValidationRule } from 'graphql';

/** Counts the document's tokens (comments excluded) through the token list the parser kept. */
export function maxTokensRule(maxTokens: number): ValidationRule {
  return (context) => {
    let token = context.getDocument().loc?.startToken;
    let count = 0;
    while (token && token.kind !== TokenKind.EOF) {
      if (token.kind !== TokenKind.SOF && token.kind !== TokenKind.COMMENT) count++;
      if (count > maxTokens) {
        context.reportError(new GraphQLError(`Syntax Error: Token limit of ${maxTokens} exceeded.`));
        break;
      }
      token = token.next ?? undefined;
    }
    return {};
  };
}
