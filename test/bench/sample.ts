// Ids and values the benchmark draws its requests' inputs from, read once from the bench database.
import type { CypherExecutor } from '../../src/db/executor.js';

export interface BenchSample {
  runId: string;
  partnerIds: string[];
  /** The 100 partners with the most accounts: the heavy tail. */
  busiestPartnerIds: string[];
  dealPartnerIds: string[];
  overlapPairs: [string, string][];
  heldCapabilityIds: string[];
  dealIds: string[];
  openDealIds: string[];
  /** [customerId, partnerId] where the partner has an account on the customer and is a reseller. */
  accountPairs: [string, string][];
  regions: string[];
  industries: string[];
  nameWords: string[];
}

async function column(db: CypherExecutor, text: string): Promise<string[]> {
  return (await db.runText<{ v: string }>(text)).map((r) => r.v);
}

export async function readSample(db: CypherExecutor, runId: string): Promise<BenchSample> {
  const partnerIds = await column(db, 'MATCH (p:Partner) RETURN p.id AS v ORDER BY v');
  const busiestPartnerIds = await column(
    db,
    'MATCH (p:Partner) RETURN p.id AS v ORDER BY COUNT { (p)-[:HAS_ACCOUNT]->() } DESC, v LIMIT 100',
  );
  const dealPartnerIds = await column(
    db,
    'MATCH (p:Partner) WHERE EXISTS { (p)-[:PARTICIPATES_IN]->() } RETURN p.id AS v ORDER BY v LIMIT 5000',
  );
  const overlapPairs = (
    await db.runText<{ a: string; b: string }>(
      `MATCH (u:Customer) WITH u LIMIT 20000
       MATCH (u)<-[:HAS_ACCOUNT]-(p:Partner) WITH u, collect(p.id) AS ps WHERE size(ps) >= 2
       RETURN ps[0] AS a, ps[1] AS b LIMIT 2000`,
    )
  ).map((r) => [r.a, r.b] as [string, string]);
  const heldCapabilityIds = await column(db, 'MATCH (c:Capability) WHERE EXISTS { (c)<-[:HAS_CAPABILITY]-() } RETURN c.id AS v ORDER BY v');
  const dealIds = await column(db, 'MATCH (d:Deal) WHERE NOT d.id STARTS WITH "bench." RETURN d.id AS v ORDER BY v');
  const openDealIds = await column(
    db,
    'MATCH (d:Deal) WHERE NOT d.stage STARTS WITH "CLOSED" AND NOT d.id STARTS WITH "bench." RETURN d.id AS v ORDER BY v LIMIT 20000',
  );
  const accountPairs = (
    await db.runText<{ c: string; p: string }>(
      `MATCH (p:Partner)-[:HAS_ACCOUNT]->(u:Customer) WHERE 'RESELLER' IN p.types AND p.lifecycleStage = 'ACTIVE'
       RETURN u.id AS c, p.id AS p LIMIT 5000`,
    )
  ).map((r) => [r.c, r.p] as [string, string]);
  const regions = await column(db, 'MATCH (u:Customer) WITH u LIMIT 5000 RETURN DISTINCT u.region AS v ORDER BY v');
  const industries = await column(db, 'MATCH (u:Customer) WITH u LIMIT 5000 RETURN DISTINCT u.industry AS v ORDER BY v');
  const names = await column(db, 'MATCH (p:Partner) RETURN p.name AS v ORDER BY p.id LIMIT 2000');
  const nameWords = [...new Set(names.map((n) => n.split(' ')[0]!.toLowerCase()).filter((w) => w.length >= 3))].sort();
  return {
    runId,
    partnerIds,
    busiestPartnerIds,
    dealPartnerIds,
    overlapPairs,
    heldCapabilityIds,
    dealIds,
    openDealIds,
    accountPairs,
    regions,
    industries,
    nameWords,
  };
}
