// npx tsx test/bench/profile.ts FILE.cypher|"CYPHER" [PARAMS-JSON]: PROFILE one statement on the bench Neo4j (in a transaction rolled back) and print its plan with rows and db hits.
import neo4j from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import { benchNeo4jOptions } from './server.js';
const o = benchNeo4jOptions();
const driver = neo4j.driver(`bolt://127.0.0.1:${o.boltPort}`, neo4j.auth.basic('neo4j', o.password));
const s = driver.session();
const tx = s.beginTransaction();
const [file, paramsJson] = [process.argv[2]!, process.argv[3] ?? '{}'];
const text = file.endsWith('.cypher') ? readFileSync(file, 'utf8') : file;
const t = Date.now();
const r = await tx.run('PROFILE ' + text, JSON.parse(paramsJson));
console.log('ms', Date.now() - t);
function show(p: any, depth = 0) {
  console.log(' '.repeat(depth * 2) + p.operatorType, 'rows', p.rows, 'dbHits', p.dbHits, (p.arguments?.Details ?? '').slice(0, 150));
  for (const c of p.children) show(c, depth + 1);
}
show(r.summary.profile);
let total = 0;
(function sum(p: any) {
  total += p.dbHits;
  p.children.forEach(sum);
})(r.summary.profile);
console.log('total dbHits', total);
await tx.rollback();
await s.close();
await driver.close();
