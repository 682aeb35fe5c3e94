import type { SearchHitResolvers, SearchResultResolvers } from '../src/generated/graphql.js';
import type { SearchHitRow } from '../src/model/rows.js';

/** A hit's node tagged with its kind, so the union can tell which type it is. */
type TaggedNode = SearchHitRow['node'] & { kind: SearchHitRow['kind'] };

export const SearchHit: SearchHitResolvers = {
  node: (hit): TaggedNode => ({ ...hit.node, kind: hit.kind }),
};

export const SearchResult: SearchResultResolvers = {
  __resolveType: (node) => (node as TaggedNode).kind,
};
