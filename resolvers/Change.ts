// The change feed (README, "Events"): `changes` reads the outbox through readChanges (src/events/change-feed.ts),
// which scopes it to the viewer; this file only pages it.
import type { ChangeResolvers, QueryResolvers } from '../src/generated/graphql.js';
import { decodeChangeCursor, encodeChangeCursor, readChanges } from '../src/events/change-feed.js';
import { BadInputError } from '../src/errors.js';
import { pageSize } from '../src/model/pagination.js';

const MAX_FILTER_IDS = 100;

export const ChangeQuery: Pick<QueryResolvers, 'changes'> = {
  changes: async (_p, { after, first, filter }, ctx) => {
    const size = pageSize(first, 50);
    if ((filter?.entityIds?.length ?? 0) > MAX_FILTER_IDS) {
      throw new BadInputError(`at most ${MAX_FILTER_IDS} entity ids`, ['filter', 'entityIds']);
    }
    const afterSequence = after ? decodeChangeCursor(after) : null;
    // One more than asked, to know whether a next page exists.
    const rows = await readChanges(ctx.db, { afterSequence, first: size + 1, filter });
    const page = rows.slice(0, size);
    const edges = page.map((node) => ({ cursor: encodeChangeCursor(node.sequence), node }));
    const last = edges[edges.length - 1]?.cursor ?? after ?? null;
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: after !== null && after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: last,
      },
    };
  },
};

export const Change: ChangeResolvers = {
  sequence: (c) => c.sequence.toString(),
  cursor: (c) => encodeChangeCursor(c.sequence),
  fields: (c) =>
    Object.keys(c.fields)
      .sort()
      .map((name) => ({
        name,
        before: c.fields[name]!.before === null ? null : JSON.stringify(c.fields[name]!.before),
        after: c.fields[name]!.after === null ? null : JSON.stringify(c.fields[name]!.after),
      })),
};
