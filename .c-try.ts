import { createDriver } from './src/db/driver.js';
const driver = createDriver({ uri: 'bolt://127.0.0.1:7693', user: 'neo4j', password: 'test-password-not-secret', database: 'neo4j' });
const s = driver.session();
for (const q of [
  'PROFILE UNWIND (CASE WHEN "Customer" IN $labels THEN COLLECT { MATCH (n:Customer) RETURN n } ELSE [] END) + (CASE WHEN "Partner" IN $labels THEN COLLECT { MATCH (n:Partner) RETURN n } ELSE [] END) AS n RETURN count(n) AS c',
]) {
  try {
    const r = await s.run(q, { labels: ['Partner', 'Customer'] });
    const ops: string[] = []; const walk = (p: any) => { ops.push(`${p.operatorType}:${p.rows}:${p.dbHits}`); (p.children ?? []).forEach(walk); }; walk(r.summary.profile);
    console.log(r.records[0]?.get('c').toString(), ops.join(' '));
  } catch (e: any) { console.log('ERR', e.message.slice(0, 200)); }
}
await s.close(); await driver.close();
