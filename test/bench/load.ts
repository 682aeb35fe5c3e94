// npx tsx test/bench/load.ts [preset] [seed]: loads (or reuses) a preset on the bench Neo4j only.
import type { PresetName } from '../../seed/generator.js';
import { connectBenchDatabase } from './connect.js';
import { ensureDataset } from './dataset.js';

const preset = (process.argv[2] ?? 'medium') as PresetName;
const seed = Number(process.argv[3] ?? 1);
const db = await connectBenchDatabase(console.log);
try {
  const report = await ensureDataset(db.executor, preset, seed, console.log);
  console.log(JSON.stringify(report));
} finally {
  await db.driver.close();
}
