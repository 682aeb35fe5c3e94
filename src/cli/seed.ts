// npm run seed -- --preset small|medium|large|xl [--seed N] [--partners N --customers N
//   --accounts-per-partner N --solutions N --deals N --capabilities N] [--out FILE] [--replace]
// Generates a deterministic ecosystem (seed/generator.ts). With --out it streams the JSON to
// FILE; without, it bulk-loads it into the database (src/interchange/bulk-load.ts: batches of
// their own transactions; with --replace the ecosystem is emptied and everything CREATEd).
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { getHeapStatistics } from 'node:v8';
import {
  GeneratedEcosystem,
  type GeneratorOptions,
  generateEcosystem,
  PRESETS,
  type PresetName,
  writeEcosystemJson,
} from '../../seed/generator.js';
import { loadConfig } from '../config.js';
import { connectDatabase } from '../database.js';
import { bulkLoadEcosystem } from '../interchange/bulk-load.js';
import { recordCount } from '../interchange/import.js';
import { createLogger } from '../logger.js';
import { runCommand, UsageError } from './run-command.js';

/** One batch's transaction, or the emptying of a large ecosystem, may take minutes. */
const IMPORT_TIMEOUT_MS = 60 * 60_000;

const NUMBER_FLAGS = {
  '--seed': 'seed',
  '--partners': 'partners',
  '--customers': 'customers',
  '--accounts-per-partner': 'accountsPerPartner',
  '--solutions': 'solutions',
  '--deals': 'deals',
  '--capabilities': 'capabilities',
} as const satisfies Record<string, keyof GeneratorOptions>;

interface SeedArgs {
  options: Required<GeneratorOptions>;
  preset: PresetName;
  out?: string;
  replace: boolean;
}

const USAGE =
  'usage: npm run seed -- [--preset small|medium|large|xl] [--seed N] [--partners N] [--customers N] ' +
  '[--accounts-per-partner N] [--solutions N] [--deals N] [--capabilities N] [--out FILE] [--replace]';

function parseSeedArgs(args: readonly string[]): SeedArgs {
  let preset: PresetName = 'small';
  const overrides: Partial<GeneratorOptions> = {};
  let out: string | undefined;
  let replace = false;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] as string;
    if (flag === '--replace') {
      replace = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    if (flag === '--preset') {
      if (!(value in PRESETS)) throw new UsageError(`unknown preset "${value}" (small, medium, large, xl)`);
      preset = value as PresetName;
    } else if (flag === '--out') {
      out = value;
    } else if (flag in NUMBER_FLAGS) {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 0) throw new UsageError(`${flag} must be a non-negative integer (got "${value}")`);
      overrides[NUMBER_FLAGS[flag as keyof typeof NUMBER_FLAGS]] = n;
    } else {
      throw new UsageError(`unknown option ${flag}`);
    }
  }
  return { options: { ...PRESETS[preset], ...overrides }, preset, out, replace };
}

function perSecond(records: number, ms: number): string {
  return `${Math.round(records / Math.max(ms / 1000, 0.001)).toLocaleString('en-US')} records/s`;
}

function describe(o: Required<GeneratorOptions>): string {
  return (
    `${o.partners} partners, ${o.customers} customers (~${o.accountsPerPartner} accounts per partner), ` +
    `${o.capabilities} capabilities, ${o.solutions} solutions, ${o.deals} deals, seed ${o.seed}`
  );
}

async function writeFile(args: SeedArgs & { out: string }): Promise<void> {
  const started = Date.now();
  const model = new GeneratedEcosystem(args.options);
  const out = createWriteStream(args.out);
  const records = await writeEcosystemJson(model, out);
  out.end();
  await finished(out);
  const ms = Date.now() - started;
  console.log(`Wrote ${records} records to ${args.out} in ${(ms / 1000).toFixed(1)} s (${perSecond(records, ms)}).`);
}

async function importIntoDatabase(args: SeedArgs): Promise<number> {
  // The loader takes the whole document in memory; xl's does not fit the default heap.
  const heapGb = getHeapStatistics().heap_size_limit / 2 ** 30;
  if (args.options.accountsPerPartner * args.options.partners > 2_000_000 && heapGb < 10) {
    console.error(
      `This many accounts are imported from memory and need a bigger Node heap than ${heapGb.toFixed(1)} GB: ` +
        `NODE_OPTIONS=--max-old-space-size=12288 npm run seed -- ${process.argv.slice(2).join(' ')}, or write a file with --out FILE.`,
    );
    return 1;
  }
  const config = loadConfig(process.env, { serving: false });
  const logger = createLogger(config.logLevel);

  let started = Date.now();
  const doc = generateEcosystem(args.options);
  const total = recordCount(doc);
  const generatedMs = Date.now() - started;
  console.log(`Generated ${total} records in ${(generatedMs / 1000).toFixed(1)} s (${perSecond(total, generatedMs)}).`);

  const database = await connectDatabase(config, logger, { timeoutMs: Math.max(config.queryTimeoutMs, IMPORT_TIMEOUT_MS) });
  try {
    started = Date.now();
    const progress = process.stderr.isTTY
      ? (done: number, all: number) => process.stderr.write(`\r\x1b[2KImporting: ${done}/${all} records`)
      : undefined;
    const result = await bulkLoadEcosystem(database.executor.as('seed'), doc, { replace: args.replace, onProgress: progress });
    if (progress) process.stderr.write('\n');
    if (!result.ok) {
      // The generator's output always passes the check; a problem here is a generator bug.
      for (const p of result.problems.slice(0, 20)) console.error(`${p.path}: ${p.message}`);
      console.error(`The generated document has ${result.problems.length} problems; nothing was imported.`);
      return 1;
    }
    const ms = Date.now() - started;
    const c = result.counts;
    console.log(
      `Loaded ${c.records} records${args.replace ? ' (replacing the ecosystem)' : ''} in ${(ms / 1000).toFixed(1)} s (${perSecond(c.records, ms)}): ` +
        `${c.capabilities} capabilities, ${c.partners} partners, ${c.customers} customers, ${c.accounts} accounts, ` +
        `${c.solutions} solutions, ${c.deals} deals (${c.dealsCreated} new).`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseSeedArgs(argv);
  console.log(`Preset ${args.preset}: ${describe(args.options)}.`);
  if (args.out !== undefined) {
    await writeFile({ ...args, out: args.out });
    return 0;
  }
  return importIntoDatabase(args);
}

runCommand(() => main(process.argv.slice(2)), USAGE);
