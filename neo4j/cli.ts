// npm run db:fetch | db:start | db:stop | db:status — the project's local Neo4j.
import { loadConfig } from '../src/config.js';
import { prepareLocalRun } from '../src/local-run.js';
import { fetchNeo4j, localStatus, startLocalNeo4j, stopLocalNeo4j } from './local.js';
import { runCommand } from '../src/cli/run-command.js';

async function main(command: string | undefined): Promise<number> {
  const config = prepareLocalRun(loadConfig(process.env, { serving: false }));
  const local = config.localNeo4j;
  if (!local) {
    console.error(`NEO4J_URI is set (${config.neo4j.uri}): the project does not manage that server.`);
    return 1;
  }
  switch (command) {
    case 'fetch':
      fetchNeo4j();
      console.log('Neo4j is in neo4j/lib');
      return 0;
    case 'start': {
      const s = await startLocalNeo4j(local);
      console.log(`running on ${s.uri}${s.pid ? ` (pid ${s.pid})` : ''}; data in ${local.homeDir}`);
      return 0;
    }
    case 'stop':
      console.log((await stopLocalNeo4j(local)) ? 'stopped' : 'not running');
      return 0;
    case 'status': {
      const s = await localStatus(local);
      console.log(s.running ? `running on ${s.uri}${s.pid ? ` (pid ${s.pid})` : ''}` : 'not running');
      return s.running ? 0 : 3;
    }
    default:
      console.error('usage: tsx neo4j/cli.ts fetch|start|stop|status');
      return 2;
  }
}

runCommand(() => main(process.argv[2]));
