// The benchmark's own Neo4j: a separate server, port and data folder (never the development or
// test databases), with more memory than the default so the large preset's working set is cached.
import { resolve } from 'node:path';
import { localPassword, type LocalNeo4jOptions, startLocalNeo4j } from '../../neo4j/local.js';

export function benchNeo4jOptions(env: NodeJS.ProcessEnv = process.env): LocalNeo4jOptions {
  const homeDir = resolve(env.BENCH_NEO4J_DIR ?? '.data/bench-neo4j');
  return {
    homeDir,
    boltPort: Number(env.BENCH_NEO4J_PORT ?? 7679),
    password: localPassword(homeDir),
    heap: env.BENCH_NEO4J_HEAP ?? '4g',
    pageCache: env.BENCH_NEO4J_PAGECACHE ?? '3g',
    // A bulk load's statements and the whole-ecosystem queries may run long.
    transactionTimeoutSeconds: 3600,
  };
}

export async function startBenchNeo4j(log: (line: string) => void = console.log): Promise<{ uri: string; options: LocalNeo4jOptions }> {
  const options = benchNeo4jOptions();
  const status = await startLocalNeo4j(options, log);
  return { uri: status.uri, options };
}

// `npx tsx test/bench/server.ts` starts it alone (it keeps running; stop it with its pid file).
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  startBenchNeo4j().then(
    (s) => console.log(`bench Neo4j on ${s.uri}, data in ${s.options.homeDir}`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
