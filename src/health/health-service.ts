// Whether the process and its database answer.
import type { CypherExecutor } from '../db/executor.js';

export const VERSION = '0.1.0';

export class HealthService {
  constructor(private readonly db: CypherExecutor) {}

  async check(): Promise<{ version: string; database: boolean }> {
    try {
      await this.db.runText('RETURN 1 AS ok');
      return { version: VERSION, database: true };
    } catch {
      return { version: VERSION, database: false };
    }
  }
}
