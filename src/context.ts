// The request context: the request's executor (tagged and counting round-trips), its
// DataLoaders, the domain services and the viewer.
import type { CypherExecutor, ExecutionStats } from './db/executor.js';
import type { EventHub } from './events/event-hub.js';
import { createLoaders, type Loaders } from './loaders/index.js';
import { createServices, type Services } from './services.js';

export type Role = 'ADMIN' | 'ALLIANCE_MANAGER' | 'PARTNER';

export interface Viewer {
  role: Role;
  subject: string;
  /** Set for the PARTNER role. */
  partnerId?: string;
}

export interface RequestContext {
  db: CypherExecutor;
  loaders: Loaders;
  services: Services;
  viewer: Viewer;
  stats: ExecutionStats;
  /**
   * false: every root field answers through its resolvers and loaders, none compiled into one statement (src/read/);
   * the compiled reads' test compares the two. Unset in requests.
   */
  compiledReads?: boolean;
  /** The running API's event features (subscriptions, webhooks); absent outside a server (tests' runOperation). */
  events?: EventHub;
}

/**
 * The loaders (about 70 DataLoaders) and the services, made when a resolver first asks for them: a compiled read or a
 * field answered from its row needs neither. They are getters of the context's prototype, their values kept in the
 * context's own `lazy` object: Apollo copies the context it is given for each operation (`Object.assign` onto an object
 * of the same prototype), which would call own getters, and so make both, for every request.
 */
const LAZY_PARTS = {
  get loaders(): Loaders {
    const self = this as unknown as { db: CypherExecutor; lazy: { loaders?: Loaders } };
    return (self.lazy.loaders ??= createLoaders(self.db));
  },
  get services(): Services {
    const self = this as unknown as { db: CypherExecutor; lazy: { services?: Services } };
    return (self.lazy.services ??= createServices(self.db));
  },
};

export function createRequestContext(root: CypherExecutor, viewer: Viewer, operationName?: string, events?: EventHub): RequestContext {
  const stats: ExecutionStats = { roundTrips: 0 };
  const db = root.forRequest(operationName, stats, {
    partnerId: viewer.role === 'PARTNER' ? (viewer.partnerId ?? null) : null,
    actor: viewer.subject,
  });
  const context = Object.create(LAZY_PARTS) as RequestContext & { lazy: { loaders?: Loaders; services?: Services } };
  context.db = db;
  context.viewer = viewer;
  context.stats = stats;
  // Shared by Apollo's copy of the context: both make the loaders and services at most once between them.
  context.lazy = {};
  if (events) context.events = events;
  return context;
}
