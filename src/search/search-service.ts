// Full-text search over the names of partners, capabilities, customers and solutions
// (the entity_search_names index over searchName), prefix and typo tolerant, in every script.
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError } from '../errors.js';
import { pageSize } from '../model/pagination.js';
import type { SearchHitRow } from '../model/rows.js';
import { luceneQuery, MAX_SEARCH_TEXT_LENGTH } from './lucene-query.js';

export class SearchService {
  constructor(private readonly db: CypherExecutor) {}

  async search(text: string, first: number | null | undefined): Promise<SearchHitRow[]> {
    const limit = pageSize(first, 10, 1);
    if (text.length > MAX_SEARCH_TEXT_LENGTH) {
      throw new BadInputError(`text must be at most ${MAX_SEARCH_TEXT_LENGTH} characters (got ${text.length})`, ['text']);
    }
    const query = luceneQuery(text);
    if (query === null) return [];
    return this.db.read<SearchHitRow>('search/search-entity-names', { query, limit });
  }
}
