// Markdown for benchmark results: the table of one run, and how cost grows between two runs.
// `npx tsx test/bench/report.ts bench-results/medium-X.json bench-results/large-X.json` prints both.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchResult } from './run.js';

const n = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

export function renderTable(r: BenchResult): string {
  const head =
    `Preset \`${r.preset}\` (seed ${r.seed}), commit ${r.commit}, ${r.date.slice(0, 10)}; ` +
    `${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.java}, Neo4j ${r.machine.neo4j}.\n` +
    (r.load.reused
      ? `Data reused (${r.load.records} records).\n`
      : `Bulk load: ${r.load.records} records in ${n((r.load.writeMs ?? 0) / 1000)} s = ${r.load.recordsPerSecond} records/s.\n`);
  const rows = r.operations.map((o) => {
    const target = o.p95TargetMs !== undefined ? `p95 < ${o.p95TargetMs}` + (o.rpsTargetC16 ? `, ≥ ${o.rpsTargetC16} req/s` : '') : '';
    const met =
      o.p95TargetMs === undefined ? '' : o.c1.p95 < o.p95TargetMs && (!o.rpsTargetC16 || o.c16.rps >= o.rpsTargetC16) ? ' ✓' : ' ✗';
    return `| ${o.name} | ${n(o.c1.p50)} | ${n(o.c1.p95)} | ${n(o.c1.p99)} | ${n(o.c1.rps, 0)} | ${n(o.c16.p50)} | ${n(o.c16.p95)} | ${n(o.c16.p99)} | ${n(o.c16.rps, 0)} | ${n(o.driverC1.p50)} | ${n(o.apiOverDriver, 2)} | ${n(o.bareC1?.p50 ?? NaN)} | ${n(o.bareOverDriver ?? NaN, 2)} | ${n(o.apiOverBare ?? NaN, 2)} | ${o.roundTrips} / ${o.depth + 1} | ${o.dbHits} | ${target}${met}${o.firstError ? ` (error: ${o.firstError.slice(0, 60)})` : ''} |`;
  });
  return [
    head,
    '| operation | c1 p50 ms | c1 p95 | c1 p99 | c1 req/s | c16 p50 ms | c16 p95 | c16 p99 | c16 req/s | driver p50 ms | API/driver | bare HTTP p50 ms | bare/driver | API/bare | round-trips / depth+1 | db hits | target |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

export function renderGrowth(small: BenchResult, big: BenchResult): string {
  const byName = new Map(small.operations.map((o) => [o.name, o]));
  const rows = big.operations.flatMap((o) => {
    const s = byName.get(o.name);
    if (!s) return [];
    return [
      `| ${o.name} | ${n(s.c1.p50)} → ${n(o.c1.p50)} | ${n(o.c1.p50 / s.c1.p50, 2)} | ${s.dbHits} → ${o.dbHits} | ${n(o.dbHits / s.dbHits, 2)} |`,
    ];
  });
  return [
    `Growth ${small.preset} → ${big.preset} (data ×${n(big.load.records / small.load.records, 1)}):`,
    '',
    '| operation | c1 p50 ms | p50 ratio | db hits | db hits ratio |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const results = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')) as BenchResult);
  for (const r of results) console.log(renderTable(r) + '\n');
  for (let i = 1; i < results.length; i++) console.log(renderGrowth(results[i - 1] as BenchResult, results[i] as BenchResult) + '\n');
}
