// Neo4j Graph Data Science: whether the server has it (asked once per server and cached), and the
// lifecycle of a projection of the partner network (named per request, always dropped).
import { randomUUID } from 'node:crypto';
import type { CypherLibrary } from '../db/cypher-library.js';
import type { CypherExecutor } from '../db/executor.js';
import { FeatureUnavailableError } from '../errors.js';
import type { PartnerNetwork } from './partner-network.js';

// Keyed by the Cypher library, which a server process (or a test's executor) creates once per database connection.
const availability = new WeakMap<CypherLibrary, Promise<boolean>>();

/** Whether `gds.version` exists on the server; asked once, an error (database down) is not cached. */
export function gdsAvailable(db: CypherExecutor): Promise<boolean> {
  let known = availability.get(db.library);
  if (!known) {
    known = db.read<{ available: boolean }>('analytics/check-gds-available').then((rows) => rows[0]?.available === true);
    known.catch(() => availability.delete(db.library));
    availability.set(db.library, known);
  }
  return known;
}

/** Throws FEATURE_UNAVAILABLE naming the operation when the server has no Graph Data Science. */
export async function requireGds(db: CypherExecutor, operation: string): Promise<void> {
  if (!(await gdsAvailable(db))) {
    throw new FeatureUnavailableError(
      `${operation} needs Neo4j Graph Data Science 2.13 (open edition) on the database server, which does not have it; ` +
        'install the plugin (npm run db:fetch does for the local server) or use a server that has it',
    );
  }
}

/** Size of a projection in GDS's catalog, as gds.graph.list reports it. */
export interface ProjectionStats {
  graphName: string;
  nodeCount: number;
  relationshipCount: number;
  sizeInBytes: number;
  memoryUsage: string;
}

/**
 * Projects the network (node i = network.partners[i], each edge once, undirected, property w) under a fresh name,
 * runs `work` with that name and drops the projection whatever happens. `observe`, when given, receives the
 * projection's size before the work runs (benchmarks).
 */
export async function withNetworkProjection<T>(
  db: CypherExecutor,
  network: PartnerNetwork,
  work: (graphName: string) => Promise<T>,
  observe?: (stats: ProjectionStats) => void,
): Promise<T> {
  const graphName = `partner-network-${randomUUID()}`;
  await db.read('analytics/project-partner-network', { graphName, nodeCount: network.partners.length, edges: network.edges });
  let failed = false;
  try {
    if (observe) {
      const [row] = await db.read<Omit<ProjectionStats, 'graphName'>>('analytics/describe-projection', { graphName });
      if (row) observe({ graphName, ...row });
    }
    return await work(graphName);
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    // A failing drop must not hide the work's own error.
    await db.read('analytics/drop-projection', { graphName }).catch((err) => {
      if (!failed) throw err;
    });
  }
}
