// Full-text search over the names of partners, capabilities, customers and solutions
// (the entity_search_names index over searchName), prefix and typo tolerant, in every script.
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError } from '../errors.js';
import { MAX_PAGE_SIZE } from '../model/pagination.js';
import type { SearchHitRow } from '../model/rows.js';
import { luceneQuery, MAX_SEARCH_TEXT_LENGTH } from './lucene-query.js';

export class SearchService {
  constructor(private readonly db: CypherExecutor) {}

  async search(text: string, first: number | null | undefined): Promise<SearchHitRow[]> {
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new BadInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, ['first']);
    }
    if (text.length > MAX_SEARCH_TEXT_LENGTH) {
      throw new BadInputError(`text must be at most ${MAX_SEARCH_TEXT_LENGTH} characters (got ${text.length})`, ['text']);
    }
    const query = luceneQuery(text);
    if (query === null) return [];
    return this.db.read<SearchHitRow>('search/search-entity-names', { query, limit });
  }
}
