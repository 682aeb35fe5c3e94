// The domain services a request uses, bound to its executor.
import type { CypherExecutor } from './db/executor.js';
import { HealthService } from './health/health-service.js';
import { PartnerService } from './partners/partner-service.js';

export function createServices(db: CypherExecutor) {
  return {
    health: new HealthService(db),
    partners: new PartnerService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
