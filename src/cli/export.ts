// npm run export -- FILE|-: writes the whole ecosystem as an interchange document (`-` = stdout).
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config.js';
import { connectDatabase } from '../database.js';
import { exportEcosystem, serializeEcosystem } from '../interchange/export.js';
import { recordCount } from '../interchange/import.js';
import { createLogger } from '../logger.js';
import { runCommand } from './run-command.js';

const EXPORT_TIMEOUT_MS = 15 * 60_000;

async function main(args: string[]): Promise<number> {
  const target = args[0];
  if (args.length !== 1 || target === undefined) {
    console.error('usage: npm run export -- FILE|-   (- writes to stdout)');
    return 2;
  }
  const config = loadConfig(process.env, { serving: false });
  const logger = createLogger(config.logLevel);
  const database = await connectDatabase(config, logger, { timeoutMs: Math.max(config.queryTimeoutMs, EXPORT_TIMEOUT_MS) });
  try {
    const doc = await exportEcosystem(database.executor);
    const text = serializeEcosystem(doc);
    if (target === '-') {
      await new Promise<void>((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
    } else {
      await writeFile(target, text);
      console.error(`Exported ${recordCount(doc)} records to ${target}.`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
