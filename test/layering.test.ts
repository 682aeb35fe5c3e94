// The floor of the code (issue 12): src/model/ and src/db/ are used by everything above them and
// import nothing from above: not the auth rules, the configuration, the HTTP front door, the
// start-up steps or the neo4j/ tooling.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const FLOOR = ['src/model', 'src/db'];
const ABOVE = [
  'src/auth',
  'src/config.ts',
  'src/http',
  'src/server.ts',
  'src/main.ts',
  'src/local-run.ts',
  'src/database.ts',
  'src/cli',
  'neo4j',
  'resolvers',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The project files a source file imports (relative specifiers, resolved from the repository root). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(resolve('.'), resolve(file, '..', s)).replace(/\.js$/, '.ts'));
}

describe('the model/db floor', () => {
  it('imports nothing from auth, config, the front door, start-up or neo4j tooling', () => {
    const upward: string[] = [];
    for (const dir of FLOOR) {
      for (const file of sourceFiles(dir)) {
        for (const target of importsOf(file)) {
          if (ABOVE.some((a) => target === a || target.startsWith(`${a}/`))) upward.push(`${file} imports ${target}`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  it('sees the imports it checks', () => {
    expect(importsOf('src/db/executor.ts')).toContain('src/db/errors.ts');
    expect(importsOf('src/model/pagination.ts')).toContain('src/errors.ts');
  });
});
