// Who sees what is written once: each scope rule lives in cypher/scope/ and the files name it ({{scope/rule(x)}}),
// so this test fails, naming file and line, where a rule is written out anywhere else, and checks every reference.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CYPHER_DIR, CypherLibrary, FRAGMENT_FOLDER, FRAGMENT_FOLDERS } from '../src/db/cypher-library.js';

/**
 * The text shapes of a scope rule. Outside cypher/scope/ the viewer may only be tested for being the vendor's user or
 * a partner (`$viewerPartnerId IS [NOT] NULL`, to choose a branch or a limit); anything that says who the viewer is
 * or what it may see is a rule.
 */
const SHAPES: { what: string; pattern: RegExp }[] = [
  { what: 'the viewer named in a pattern, comparison or list', pattern: /\$viewerPartnerId(?!\s+IS\s+(?:NOT\s+)?NULL\b)/ },
  // Current grants (SHARES_WITH) and, for the as-of reads, ended ones (HAD_SHARING), alone or together.
  { what: 'a sharing grant level read in a pattern', pattern: /(?:SHARES_WITH|HAD_SHARING)(?:\|\w+)*\s*\{\s*level:\s*'/ },
  { what: 'the kinds a viewer scope limits', pattern: /NOT\s*\(\s*([\w()]+):Customer\s+OR\s+\1:Deal\s+OR\s+\1:Solution\s*\)/ },
  { what: 'membership of the visible accounts', pattern: /\bIN\s+\w+\.accounts\b/ },
];
const REFERENCE = /\{\{([^(}]*)\(([^{}]*?)\)\}\}/g;

function cypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cypherFiles(join(dir, e.name)) : e.name.endsWith('.cypher') ? [join(dir, e.name)] : [],
  );
}
const relativeName = (path: string) => relative(CYPHER_DIR, path).split('\\').join('/');
const files = cypherFiles(CYPHER_DIR).filter((p) => !FRAGMENT_FOLDERS.some((folder) => relativeName(p).startsWith(folder + '/')));
/** The scope rules (the time rules under cypher/time/ say when, not who: test/time-model.int.test.ts runs them). */
const isScope = (name: string) => name.startsWith(FRAGMENT_FOLDER + '/');

/** "file:line: what" for each line that writes a scope rule out (comments aside). */
function writtenOut(text: string, where: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const code = line.replace(/('[^']*')|\/\/.*$/g, (m, quoted) => (quoted ? m : ''));
    return SHAPES.filter((s) => s.pattern.test(code)).map((s) => `${where}:${i + 1}: ${s.what}`);
  });
}

const library = new CypherLibrary();

describe('scope rules written once', () => {
  it('no Cypher file outside cypher/scope/ writes a scope rule out', () => {
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((p) => writtenOut(readFileSync(p, 'utf8'), `cypher/${relativeName(p)}`));
    expect(found).toEqual([]);
  });

  it('every reference names an existing fragment, and every scope fragment is used', () => {
    const names = new Set(library.fragments().map((f) => f.name));
    expect([...names].sort()).toEqual(
      FRAGMENT_FOLDERS.flatMap((folder) =>
        readdirSync(join(CYPHER_DIR, folder)).map((f) => `${folder}/${f.replace(/\.cypher$/, '')}`),
      ).sort(),
    );
    const referenced = new Set<string>();
    for (const p of cypherFiles(CYPHER_DIR)) {
      for (const m of readFileSync(p, 'utf8').matchAll(REFERENCE)) {
        expect(names, `cypher/${relativeName(p)} names ${m[1]}`).toContain(m[1]);
        referenced.add(m[1]!);
      }
    }
    expect([...referenced].filter(isScope).sort()).toEqual([...names].filter(isScope).sort());
    for (const file of library.all()) expect(file.text, file.name).not.toContain('{{');
  });

  it('the shapes catch every rule: each fragment written out in a file would be flagged', () => {
    for (const f of library.fragments().filter((f) => isScope(f.name))) {
      const text = library.expand(`{{${f.name}(${f.params.join(', ')})}}`, 'test');
      expect(writtenOut(text, f.name), f.name).not.toEqual([]);
    }
  });

  it('the README lists every fragment with its parameters', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const f of library.fragments()) expect(readme, f.name).toContain(`\`${f.name}(${f.params.join(', ')})\``);
  });
});

describe('splicing fragments', () => {
  function libraryWith(files: Record<string, string>): CypherLibrary {
    const root = mkdtempSync(join(tmpdir(), 'cypher-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return new CypherLibrary(root);
  }
  const visible = '// visible(x): x is the viewer\n($viewerPartnerId IS NULL OR x.id = $viewerPartnerId)\n';

  it('renames the parameters to the caller variables, not in strings, property keys or other names', () => {
    const lib = libraryWith({
      'scope/visible.cypher': visible,
      'scope/named.cypher': "// named(x): x named 'x'\n(x.name = 'x' AND x.x = 1)\n",
      'scope/both.cypher': '// both(a, b): both visible\n({{scope/visible(a)}} AND {{scope/visible(b)}})\n',
      'q/get.cypher':
        '// Returns p.\nMATCH (p:Partner)-[:R]->(q:Partner) WHERE {{scope/both(p, q)}} AND {{scope/named(startNode(r))}} RETURN p\n',
    });
    expect(lib.get('q/get').text).toBe(
      '// Returns p.\nMATCH (p:Partner)-[:R]->(q:Partner) WHERE (($viewerPartnerId IS NULL OR p.id = $viewerPartnerId) AND ' +
        "($viewerPartnerId IS NULL OR q.id = $viewerPartnerId)) AND (startNode(r).name = 'x' AND startNode(r).x = 1) RETURN p",
    );
    expect(lib.get('q/get').scopes).toEqual(['scope/both', 'scope/named']);
    expect(lib.all().map((f) => f.name)).toEqual(['q/get']);
    expect(() => lib.get('scope/visible')).toThrow(/No Cypher file named/);
  });

  it('renames a $parameter of a fragment to the caller argument, a parameter or a variable', () => {
    const lib = libraryWith({
      'time/at.cypher': '// at(r, $asOf): r holds at $asOf\n(r.since <= $asOf AND $asOfX = 1 AND r.asOf = 2)\n',
      'q/a.cypher': '// A.\nMATCH ()-[r]->() WHERE {{time/at(r, $when)}} RETURN r\n',
      'q/b.cypher': '// B.\nUNWIND $ts AS t MATCH ()-[r]->() WHERE {{time/at(r, t)}} RETURN r\n',
    });
    expect(lib.get('q/a').text).toBe('// A.\nMATCH ()-[r]->() WHERE (r.since <= $when AND $asOfX = 1 AND r.asOf = 2) RETURN r');
    expect(lib.get('q/b').text).toBe('// B.\nUNWIND $ts AS t MATCH ()-[r]->() WHERE (r.since <= t AND $asOfX = 1 AND r.asOf = 2) RETURN r');
    expect(lib.fragments().map((f) => [f.name, f.params])).toEqual([['time/at', ['r', '$asOf']]]);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    [
      'an unknown fragment',
      { 'q/a.cypher': '// A.\nMATCH (p) WHERE {{scope/nowhere(p)}} RETURN p' },
      /cypher\/q\/a\.cypher: \{\{scope\/nowhere\(p\)\}\} names no fragment/,
    ],
    [
      'too many arguments',
      { 'q/a.cypher': '// A.\nMATCH (p) WHERE {{scope/visible(p, q)}} RETURN p' },
      /gives 2 argument\(s\); scope\/visible\(x\) takes 1/,
    ],
    [
      'an expression as argument',
      { 'q/a.cypher': '// A.\nMATCH (p) WHERE {{scope/visible(p) OR true OR (p)}} RETURN p' },
      /not a variable/,
    ],
    [
      'text injected as argument',
      { 'q/a.cypher': '// A.\nMATCH (p) WHERE {{scope/visible(p.id = 1 OR p)}} RETURN p' },
      /argument "p\.id = 1 OR p" is not a variable/,
    ],
    ['a malformed reference', { 'q/a.cypher': '// A.\nMATCH (p) WHERE {{scope/visible p}} RETURN p' }, /malformed fragment reference/],
    ['a fragment without its signature', { 'scope/x.cypher': '// Whether x.\n(x)' }, /must start with "\/\/ x\(<params>\): /],
    ['a fragment with a comment inside', { 'scope/x.cypher': '// x(a): a\n(a // a\n)' }, /comments go on the lines before/],
    ['a fragment that is not one expression', { 'scope/x.cypher': '// x(a): a\n(a) OR (a)' }, /one parenthesised expression/],
    ['an unused parameter', { 'scope/x.cypher': '// x(a, b): a\n(a)' }, /parameter b is not used/],
    [
      'a fragment that refers to itself',
      { 'scope/x.cypher': '// x(a): a\n({{scope/x(a)}})', 'q/a.cypher': '// A.\nRETURN {{scope/x($p)}}' },
      /refers to itself/,
    ],
    [
      'a fragment variable captured by the caller',
      {
        'scope/g.cypher': '// g(p): a grant to the viewer\n(EXISTS { (p)-[g:SHARES_WITH]->(:Partner {id: $viewerPartnerId}) })',
        'q/a.cypher': '// A.\nMATCH (p)-[g:SHARES_WITH]->(o) WHERE {{scope/g(p)}} RETURN g',
      },
      /scope\/g binds g itself/,
    ],
  ];
  it.each(bad)('refuses %s at load, naming the file', (_what, files, message) => {
    expect(() => libraryWith({ 'scope/visible.cypher': visible, ...files })).toThrow(message);
  });
});
