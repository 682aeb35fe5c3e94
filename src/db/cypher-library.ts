// Loads every named query in cypher/ once at start-up. A query's name is its path under
// cypher/ without the extension, e.g. "partners/get-partners-by-ids".
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cypher');

export interface CypherFile {
  name: string;
  /** The first-line comment: what it returns and which parameters it takes. */
  summary: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.cypher') ? [join(dir, e.name)] : [],
  );
}

export class CypherLibrary {
  private readonly files = new Map<string, CypherFile>();

  constructor(root: string = CYPHER_DIR) {
    for (const path of walk(root).sort()) {
      const name = relative(root, path).split(sep).join('/').replace(/\.cypher$/, '');
      const text = readFileSync(path, 'utf8').trim();
      const first = text.split('\n', 1)[0] ?? '';
      if (!first.startsWith('//')) throw new Error(`cypher/${name}.cypher must start with a // comment saying what it returns`);
      this.files.set(name, { name, summary: first.replace(/^\/\/\s*/, ''), text });
    }
  }

  get(name: string): CypherFile {
    const file = this.files.get(name);
    if (!file) throw new Error(`No Cypher file named "${name}" in cypher/`);
    return file;
  }

  /** Every file, e.g. for the EXPLAIN test; migrations included. */
  all(): CypherFile[] {
    return [...this.files.values()];
  }

  /** Files under a folder, ordered by name (migrations). */
  under(folder: string): CypherFile[] {
    return this.all().filter((f) => f.name.startsWith(folder + '/'));
  }
}

/** Splits a migration file into its statements (separated by a semicolon at a line end). */
export function statementsOf(text: string): string[] {
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n').trim())
    .filter((s) => s.length > 0);
}
