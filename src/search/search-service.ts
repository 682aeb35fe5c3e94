// Full-text search over the names of partners, capabilities, customers and solutions
// (the entity_names index), prefix and typo tolerant.
import type { CypherExecutor } from '../db/executor.js';
import { pageSize } from '../model/pagination.js';
import type { SearchHitRow } from '../model/rows.js';
import { luceneQuery } from './lucene-query.js';

export class SearchService {
  constructor(private readonly db: CypherExecutor) {}

  async search(text: string, first: number | null | undefined): Promise<SearchHitRow[]> {
    const limit = pageSize(first, 10, 1);
    const query = luceneQuery(text);
    if (query === null) return [];
    return this.db.read<SearchHitRow>('search/search-entity-names', { query, limit });
  }
}
