// Loads every named query in cypher/ once at start-up. A query's name is its path under
// cypher/ without the extension, e.g. "partners/get-partners-by-ids".
//
// Who sees what is written once, in the scope fragments under cypher/scope/ (README, "Roles and grants"). A file names
// a rule where it needs it, `{{scope/customer-visible(c)}}`, and the library splices the fragment in at load time with
// the fragment's parameters renamed to the file's variables, as the Neo4j GraphQL library compiles a type's
// `@authorization` filter into every query that reads it. Arguments come from the files' text only, never from a
// request, and must be variables (`c`), parameters (`$partnerId`) or a function of one variable (`startNode(r)`).
// An unexpanded reference is not Cypher, so a file that names a missing rule fails at start-up, never runs unscoped.
// The time rules (which relationships hold at an instant, a partner's stage and tier then: README, "Time") are
// fragments of the same kind under cypher/time/, e.g. `{{time/holds-at(a, $asOf)}}`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CYPHER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'cypher');

/** The folder under cypher/ holding the scope fragments (spliced into files, never run on their own). */
export const FRAGMENT_FOLDER = 'scope';
/** Every folder under cypher/ holding fragments: the scope rules and the time rules (README, "Time"). */
export const FRAGMENT_FOLDERS: readonly string[] = [FRAGMENT_FOLDER, 'time'];

const isFragmentName = (name: string): boolean => FRAGMENT_FOLDERS.some((folder) => name.startsWith(folder + '/'));

/**
 * The folder under cypher/ holding the parts the selection-driven reads (src/read/) compose into one statement per root
 * field: a MATCH ... WITH each, never run on their own, so they are neither files nor fragments.
 */
export const PART_FOLDER = 'read';

export interface CypherFile {
  name: string;
  /** The first-line comment: what it returns and which parameters it takes. */
  summary: string;
  /** The text to run, with every scope fragment spliced in. */
  text: string;
  /** The scope fragments the file names itself, e.g. ["scope/deal-visible"], in order of first use. */
  scopes: string[];
}

/**
 * A scope or time rule: cypher/scope/<name>.cypher or cypher/time/<name>.cypher, first line
 * `// <name>(<params>): <what it decides>`. A parameter is a variable name (`p`) or a query parameter the fragment
 * reads (`$asOf`); either is renamed to the caller's argument.
 */
export interface ScopeFragment {
  /** e.g. "scope/customer-visible". */
  name: string;
  params: string[];
  summary: string;
  /** The fragment's Cypher (its comment lines removed), with its own parameter names. */
  body: string;
}

/** `{{scope/name(arg, ...)}}`: a reference to a fragment. */
const REFERENCE = /\{\{([a-z][a-z0-9-]*\/[a-z][a-z0-9-]*)\(([^{}]*?)\)\}\}/g;
/** An argument: a variable, a parameter, or a function of one variable. */
const ARGUMENT = /^(?:\$?[A-Za-z_]\w*|[A-Za-z_]\w*\(\s*[A-Za-z_]\w*\s*\))$/;
/** A fragment's parameter: a variable name or a $parameter. */
const PARAMETER = /^\$?[A-Za-z_]\w*$/;
const escaped = (text: string): string => text.replace(/[$]/g, '\\$&');
/** Variables a pattern binds: `(x:`, `(x)`, `[x:`, `[x]`. */
const BOUND = /[([]\s*([A-Za-z_]\w*)\s*[:)\]]/g;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.cypher') ? [join(dir, e.name)] : [],
  );
}

/** Text with string literals blanked and line comments removed. */
function withoutStrings(text: string): string {
  return text.replace(/(\/\/[^\n]*)|'[^'\n]*'|"[^"\n]*"/g, (_m, comment) => (comment ? '' : "''"));
}

/** Text with string literals, comments and fragment references blanked, for looking at the Cypher around them. */
function codeOnly(text: string): string {
  return withoutStrings(text.replace(REFERENCE, ' '));
}

function boundVariables(text: string): Set<string> {
  return new Set([...codeOnly(text).matchAll(BOUND)].map((m) => m[1]!));
}

/** The body must be one whole expression or subquery, so splicing it cannot change the caller's precedence. */
function isWhole(body: string): boolean {
  if (body.startsWith('CASE')) return body.endsWith('END');
  if (body.startsWith('CALL')) return body.endsWith('}');
  if (!body.startsWith('(')) return false;
  let depth = 0;
  const code = codeOnly(body);
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) return i === code.length - 1;
  }
  return false;
}

function parseFragment(name: string, raw: string): ScopeFragment {
  const where = `cypher/${name}.cypher`;
  const lines = raw.trim().split('\n');
  const base = name.slice(name.indexOf('/') + 1);
  const head = /^\/\/\s*([a-z][a-z0-9-]*)\(([^)]*)\):\s*(.*)$/.exec(lines[0] ?? '');
  if (!head || head[1] !== base) throw new Error(`${where} must start with "// ${base}(<params>): <what it decides>"`);
  const params = head[2]!
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  for (const p of params) if (!PARAMETER.test(p)) throw new Error(`${where}: parameter "${p}" is not an identifier or $parameter`);
  const body = lines
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .trim();
  // A line comment spliced into the middle of a caller's line would hide the rest of that line.
  if (body.includes('//')) throw new Error(`${where}: comments go on the lines before the Cypher, not inside it`);
  if (!isWhole(body)) throw new Error(`${where}: the Cypher must be one parenthesised expression, a CASE ... END or a CALL subquery`);
  const code = withoutStrings(body).replace(/\{\{[a-z0-9/-]+\(/g, '(');
  for (const p of params) {
    if (!new RegExp(`(?<![\\w.$])${escaped(p)}(?!\\w)`).test(code)) throw new Error(`${where}: parameter ${p} is not used`);
    if (new RegExp(`[{,]\\s*${escaped(p)}\\s*:`).test(code)) throw new Error(`${where}: parameter ${p} is also a map key`);
  }
  return { name, params, summary: head[3]!, body };
}

/** Renames a fragment's parameters ($parameters too) to the caller's arguments, outside string literals and fragment names. */
function substitute(body: string, actual: Map<string, string>): string {
  return body.replace(/('[^'\n]*'|"[^"\n]*")|(\{\{[a-z0-9/-]+\()|(?<![\w.$])(\$?[A-Za-z_]\w*)(?!\w)/g, (m, quoted, head, id) =>
    quoted || head ? m : (actual.get(id as string) ?? m),
  );
}

export class CypherLibrary {
  private readonly files = new Map<string, CypherFile>();
  private readonly fragmentsByName = new Map<string, ScopeFragment>();
  private readonly partsByName = new Map<string, string>();

  constructor(root: string = CYPHER_DIR) {
    const paths = walk(root).sort();
    const named = paths.map((path) => ({
      path,
      name: relative(root, path)
        .split(sep)
        .join('/')
        .replace(/\.cypher$/, ''),
    }));
    for (const { path, name } of named) {
      if (isFragmentName(name)) this.fragmentsByName.set(name, parseFragment(name, readFileSync(path, 'utf8')));
    }
    for (const { path, name } of named) {
      if (isFragmentName(name)) continue;
      if (name.startsWith(PART_FOLDER + '/')) {
        this.partsByName.set(name, readFileSync(path, 'utf8').trim());
        continue;
      }
      const raw = readFileSync(path, 'utf8').trim();
      const first = raw.split('\n', 1)[0] ?? '';
      if (!first.startsWith('//')) throw new Error(`cypher/${name}.cypher must start with a // comment saying what it returns`);
      const scopes = [...new Set([...raw.matchAll(REFERENCE)].map((m) => m[1]!))];
      this.files.set(name, { name, summary: first.replace(/^\/\/\s*/, ''), text: this.expand(raw, `cypher/${name}.cypher`), scopes });
    }
  }

  get(name: string): CypherFile;
  /** With `required` false: undefined when there is no such file. */
  get(name: string, required: false): CypherFile | undefined;
  get(name: string, required = true): CypherFile | undefined {
    const file = this.files.get(name);
    if (!file && required) throw new Error(`No Cypher file named "${name}" in cypher/`);
    return file;
  }

  /** The raw text of a part under cypher/read/ (its fragment references not yet spliced: see src/read/parts.ts). */
  part(name: string): string {
    const text = this.partsByName.get(name);
    if (text === undefined) throw new Error(`No Cypher part named "${name}" in cypher/${PART_FOLDER}/`);
    return text;
  }

  /** Every file, e.g. for the EXPLAIN test; migrations included, scope and time fragments not (they run only spliced in). */
  all(): CypherFile[] {
    return [...this.files.values()];
  }

  /** Files under a folder, ordered by name (migrations). */
  under(folder: string): CypherFile[] {
    return this.all().filter((f) => f.name.startsWith(folder + '/'));
  }

  /** The fragments under cypher/scope/ and cypher/time/, ordered by name. */
  fragments(): ScopeFragment[] {
    return [...this.fragmentsByName.values()];
  }

  /**
   * Splices every `{{scope/<name>(args)}}` in `text` (fragments may name fragments). Throws, naming `where`, on an
   * unknown fragment, a wrong number of arguments, an argument that is not a variable, parameter or function of one
   * variable, an argument or a variable of the caller that the fragment binds itself (it would be captured), a cycle,
   * or a malformed reference.
   */
  expand(text: string, where: string, stack: string[] = []): string {
    const callerBinds = boundVariables(text);
    const expanded = text.replace(REFERENCE, (ref, name: string, rawArgs: string, at: number) => {
      const fragment = this.fragmentsByName.get(name);
      if (!fragment) throw new Error(`${where}: ${ref} names no fragment in cypher/${FRAGMENT_FOLDERS.join('/ or cypher/')}/`);
      if (stack.includes(name)) throw new Error(`${where}: ${ref} refers to itself through ${stack.join(' -> ')}`);
      const args = rawArgs.trim() === '' ? [] : rawArgs.split(',').map((a) => a.trim());
      if (args.length !== fragment.params.length) {
        throw new Error(
          `${where}: ${ref} gives ${args.length} argument(s); ${name}(${fragment.params.join(', ')}) takes ${fragment.params.length}`,
        );
      }
      for (const a of args)
        if (!ARGUMENT.test(a)) throw new Error(`${where}: ${ref}: argument "${a}" is not a variable, a $parameter or f(variable)`);
      // A fragment's own variables (a CALL subquery's are its own) must not meet the caller's of the same name.
      if (!fragment.body.startsWith('CALL')) {
        const own = [...boundVariables(fragment.body)].filter((v) => !fragment.params.includes(v));
        const used = new Set([...callerBinds, ...args.flatMap((a) => a.match(/[A-Za-z_]\w*/g) ?? [])]);
        const clash = own.filter((v) => used.has(v));
        if (clash.length > 0) throw new Error(`${where}: ${ref}: ${name} binds ${clash.join(', ')} itself; rename the caller's variable`);
      }
      const body = substitute(fragment.body, new Map(fragment.params.map((p, i) => [p, args[i]!])));
      // Continuation lines take the indentation of the line naming the rule (for readable debug logs).
      const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', at - 1) + 1))![0];
      return this.expand(body, `cypher/${name}.cypher (from ${where})`, [...stack, name])
        .split('\n')
        .join('\n' + indent);
    });
    const left = withoutStrings(expanded).indexOf('{{');
    if (left >= 0 && stack.length === 0) {
      throw new Error(`${where}: malformed fragment reference near "${withoutStrings(expanded).slice(left, left + 60)}"`);
    }
    return expanded;
  }
}

/** Splits a migration file into its statements (separated by a semicolon at a line end). */
export function statementsOf(text: string): string[] {
  return text
    .split(/;\s*(?:\n|$)/)
    .map((s) =>
      s
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter((s) => s.length > 0);
}
