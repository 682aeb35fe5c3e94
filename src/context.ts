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

export function createRequestContext(root: CypherExecutor, viewer: Viewer, operationName?: string, events?: EventHub): RequestContext {
  const stats: ExecutionStats = { roundTrips: 0 };
  const db = root.forRequest(operationName, stats, {
    partnerId: viewer.role === 'PARTNER' ? (viewer.partnerId ?? null) : null,
    actor: viewer.subject,
  });
  // The loaders (about 70 DataLoaders) and the services are made when a resolver first asks for them: a compiled read
  // or a field answered from its row needs neither, and making them was a fixed cost of every request.
  let loaders: Loaders | undefined;
  let services: Services | undefined;
  return {
    db,
    get loaders() {
      return (loaders ??= createLoaders(db));
    },
    get services() {
      return (services ??= createServices(db));
    },
    viewer,
    stats,
    ...(events ? { events } : {}),
  };
}
