// npm run import:crm -- --mapping FILE [--dry-run] CSV...: CRM exports in, upserted by external
// key through a mapping (mappings/salesforce.json ships Salesforce's Account, Opportunity and
// OpportunityPartner by their API field names). Prints, per file, rows created / updated /
// unchanged / rejected with each rejection's row, column and reason. --dry-run writes nothing;
// a real run writes in one transaction and only when no row is rejected (exit 1 otherwise), so
// running it twice changes nothing the second time. Progress goes to stderr.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { formatCrmReport, parseCrmMapping, runCrmImport } from '../crm/crm-import.js';
import { connectDatabase } from '../database.js';
import { createLogger } from '../logger.js';
import { runCommand, UsageError } from './run-command.js';

const USAGE = 'usage: npm run import:crm -- --mapping FILE [--dry-run] CSV...';
const IMPORT_TIMEOUT_MS = 15 * 60_000;

async function main(args: string[]): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const at = args.indexOf('--mapping');
  const mappingFile = at >= 0 ? args[at + 1] : undefined;
  const csvFiles = args.filter((a, i) => a !== '--dry-run' && i !== at && i !== at + 1);
  if (!mappingFile || mappingFile.startsWith('--') || csvFiles.length === 0 || csvFiles.some((f) => f.startsWith('--')))
    throw new UsageError('--mapping FILE and at least one CSV file are required');

  const mapping = parseCrmMapping(await readFile(mappingFile, 'utf8'), mappingFile);
  const inputs = await Promise.all(csvFiles.map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
  const config = loadConfig(process.env, { serving: false });
  const database = await connectDatabase(config, createLogger(config.logLevel), {
    timeoutMs: Math.max(config.queryTimeoutMs, IMPORT_TIMEOUT_MS),
  });
  const progress = (file: string, done: number, total: number) => process.stderr.write(`${file}: ${done}/${total} rows read\n`);
  try {
    const plan = await runCrmImport(database.executor.as('import:crm'), mapping, inputs, { dryRun, onProgress: progress });
    console.log(formatCrmReport(plan, dryRun));
    return plan.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

runCommand(() => main(process.argv.slice(2)), USAGE);
