// npx tsx test/bench/compare.ts OLD.cypher NEW.cypher '[{params}, ...]': runs two versions of a statement on the bench Neo4j with each parameter set and prints whether they return the same rows, with the time and db hits (PROFILE) of each.
import neo4j from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { benchNeo4jOptions } from './server.js';
const o = benchNeo4jOptions();
const driver = neo4j.driver(`bolt://127.0.0.1:${o.boltPort}`, neo4j.auth.basic('neo4j', o.password));
const [oldFile, newFile, paramsJson] = process.argv.slice(2) as [string, string, string];
const oldText = readFileSync(oldFile, 'utf8'),
  newText = readFileSync(newFile, 'utf8');
const sets = JSON.parse(paramsJson) as Record<string, unknown>[];
// Lists of candidates come back in no defined order (the service sorts them): compare them sorted.
function normalise(row: any): any {
  if (Array.isArray(row.candidates)) row.candidates = [...row.candidates].sort((a: any, b: any) => (a.partner.id < b.partner.id ? -1 : 1));
  return row;
}
function hits(p: any): number {
  return p ? neo4j.integer.toNumber(p.dbHits) + p.children.reduce((s: number, c: any) => s + hits(c), 0) : 0;
}
async function run(text: string, params: any) {
  const s = driver.session({ defaultAccessMode: 'READ' });
  try {
    await s.run(text, params); // warm the plan
    const t = performance.now();
    const r = await s.run(text, params);
    const ms = performance.now() - t;
    const p = await s.run('PROFILE ' + text, params);
    return { rows: r.records.map((x) => normalise(x.toObject())), ms: Math.round(ms), dbHits: hits(p.summary.profile) };
  } finally {
    await s.close();
  }
}
for (const params of sets) {
  const full = { viewerPartnerId: null, ...params };
  const a = await run(oldText, full),
    b = await run(newText, full);
  console.log(
    JSON.stringify(params),
    'same rows:',
    isDeepStrictEqual(a.rows, b.rows),
    `(${a.rows.length})`,
    'old',
    a.ms,
    'ms',
    a.dbHits,
    'hits | new',
    b.ms,
    'ms',
    b.dbHits,
    'hits',
  );
}
await driver.close();
