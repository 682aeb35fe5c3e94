// npm run import -- FILE [--replace] [--bulk] [--redecide]: checks the whole document first (every problem is
// printed as `path: message`, exit 1, the database untouched), then imports it in one transaction
// (all or nothing). --bulk writes it in batches of their own transactions instead (much faster for
// big documents and no transaction-memory limit, but NOT all or nothing: a failure half-way leaves
// the batches before it; with --replace the ecosystem is emptied in batches and CREATEd afresh).
// --redecide then decides the registration status of every open deal on the document's customers again under the current rules of
// engagement (src/policy/redecide.ts), in one more transaction; without it given statuses are kept.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { connectDatabase } from '../database.js';
import { checkEcosystemBytes } from '../interchange/format.js';
import { bulkWriteEcosystem } from '../interchange/bulk-load.js';
import { writeEcosystem } from '../interchange/import.js';
import { createLogger } from '../logger.js';
import { runCommand } from './run-command.js';
import { redecideRegistrations } from '../policy/redecide.js';

/** An import is one transaction and may take minutes; a request's timeout is too short. */
const IMPORT_TIMEOUT_MS = 15 * 60_000;

function usage(): never {
  console.error('usage: npm run import -- FILE [--replace] [--bulk] [--redecide]');
  process.exit(2);
}

async function main(args: string[]): Promise<number> {
  const replace = args.includes('--replace');
  const bulk = args.includes('--bulk');
  const redecide = args.includes('--redecide');
  const files = args.filter((a) => a !== '--replace' && a !== '--bulk' && a !== '--redecide');
  if (files.length !== 1 || files[0]?.startsWith('--')) usage();
  const file = files[0] as string;

  const checked = checkEcosystemBytes(await readFile(file));
  if (!checked.ok) {
    for (const p of checked.problems) console.error(`${p.path}: ${p.message}`);
    console.error(`${file}: ${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}; nothing was imported.`);
    return 1;
  }

  const config = loadConfig(process.env, { serving: false });
  const logger = createLogger(config.logLevel);
  const database = await connectDatabase(config, logger, { timeoutMs: Math.max(config.queryTimeoutMs, IMPORT_TIMEOUT_MS) });
  try {
    const started = Date.now();
    const progress = process.stderr.isTTY
      ? (done: number, total: number) => process.stderr.write(`\r\x1b[2KImporting: ${done}/${total} records`)
      : undefined;
    const write = bulk ? bulkWriteEcosystem : writeEcosystem;
    const counts = await write(database.executor.as('import'), checked.doc, { replace, onProgress: progress });
    if (progress) process.stderr.write('\n');
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Imported ${counts.records} records${replace ? ' (replacing the ecosystem)' : ''}${bulk ? ' in batches' : ''} in ${seconds.toFixed(1)} s ` +
        `(${Math.round(counts.records / Math.max(seconds, 0.001))} records/s): ` +
        `${counts.capabilities} capabilities, ${counts.partners} partners, ${counts.customers} customers, ` +
        `${counts.accounts} accounts, ${counts.solutions} solutions, ${counts.deals} deals (${counts.dealsCreated} new), ` +
        `${counts.programs} programs (${counts.enrolments} enrolments), ${counts.rulesVersions} rules versions (${counts.rulesVersionsCreated} new).`,
    );
    if (redecide) {
      // The document's customers (and their duplicate groups): the deals it brought and their neighbours.
      const r = await redecideRegistrations(database.executor, [...new Set(checked.doc.deals.map((d) => d.customerId))]);
      console.log(
        `Decided ${r.decided} open deals again under rules of engagement version ${r.policyVersion}: ${r.changed} changed status.`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
