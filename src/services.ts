// The domain services a request uses, bound to its executor.
import type { CypherExecutor } from './db/executor.js';
import { HealthService } from './health/health-service.js';
import { PartnerService } from './partners/partner-service.js';
import { CapabilityService } from './capabilities/capability-service.js';
import { CustomerService } from './customers/customer-service.js';
import { SolutionService } from './solutions/solution-service.js';
import { DealQueries } from './deals/deal-queries.js';
import { SearchService } from './search/search-service.js';
import { DealRegistrationService } from './deals/deal-registration.js';
import { DealAttributionService } from './deals/deal-attribution.js';
import { PartnerRevenueService } from './deals/partner-revenue.js';
import { EcosystemHealthService } from './deals/ecosystem-health.js';
import { CoSellService } from './deals/co-sell.js';
import { PartnerMatchService } from './intelligence/partner-matches.js';
import { AccountOverlapService } from './intelligence/account-overlap.js';
import { SolutionAssemblyService } from './intelligence/solution-assembly.js';
import { SaveSolutionService } from './intelligence/save-solution.js';
import { GapAnalysisService } from './intelligence/gap-analysis.js';
import { PartnerImpactService } from './intelligence/partner-impact.js';
import { EcosystemMapService } from './intelligence/ecosystem-map.js';
import { AnalyticsService } from './analytics/analytics-service.js';
import { IdentityService } from './identity/identity-service.js';
import { TimeService } from './time/time-service.js';
import { PolicyService } from './policy/policy-service.js';
import { AttributionSnapshotService } from './policy/attribution-snapshot.js';
import { ProgramService } from './programs/program-service.js';

export function createServices(db: CypherExecutor) {
  const policy = new PolicyService(db);
  return {
    health: new HealthService(db),
    partners: new PartnerService(db),
    capabilities: new CapabilityService(db),
    customers: new CustomerService(db),
    solutions: new SolutionService(db),
    dealQueries: new DealQueries(db),
    search: new SearchService(db),
    // A registration's rules serve the request's later fields (registrationStatus): no read after commit.
    dealRegistration: new DealRegistrationService(db, (rules) => policy.rulesReadByWrite(rules)),
    dealAttribution: new DealAttributionService(db),
    partnerRevenue: new PartnerRevenueService(db),
    ecosystemHealth: new EcosystemHealthService(db),
    coSell: new CoSellService(db),
    partnerMatches: new PartnerMatchService(db),
    accountOverlap: new AccountOverlapService(db),
    solutionAssembly: new SolutionAssemblyService(db),
    saveSolution: new SaveSolutionService(db),
    gapAnalysis: new GapAnalysisService(db),
    partnerImpact: new PartnerImpactService(db),
    ecosystemMap: new EcosystemMapService(db),
    time: new TimeService(db),
    analytics: new AnalyticsService(db),
    identity: new IdentityService(db),
    policy,
    attributionSnapshots: new AttributionSnapshotService(db),
    programs: new ProgramService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
