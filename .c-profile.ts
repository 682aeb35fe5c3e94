import { CypherLibrary } from './src/db/cypher-library.js';
import { createDriver } from './src/db/driver.js';
import { toParam } from './src/db/values.js';
const driver = createDriver({ uri: 'bolt://127.0.0.1:7693', user: 'neo4j', password: 'test-password-not-secret', database: 'neo4j' });
const lib = new CypherLibrary();
const [name, json, verbose] = process.argv.slice(2);
const session = driver.session();
const res = await session.run('PROFILE ' + lib.get(name!).text, toParam(JSON.parse(json!)) as any);
const lines: string[] = [];
let hits = 0;
const walk = (p: any, depth: number) => {
  hits += Number(p.dbHits ?? 0);
  lines.push(`${'  '.repeat(depth)}${p.operatorType} rows=${p.rows} hits=${p.dbHits} ${verbose ? (p.arguments?.Details ?? '').slice(0, 140) : ''}`);
  (p.children ?? []).forEach((c: any) => walk(c, depth + 1));
};
walk(res.summary.profile, 0);
console.log(name, 'total dbHits', hits, 'time', res.summary.resultAvailableAfter.toString(), '+', res.summary.resultConsumedAfter.toString(), 'ms');
console.log(lines.join('\n'));
await session.close(); await driver.close();
