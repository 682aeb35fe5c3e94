// The statements src/read/ composes from the selection splice only text from cypher/read/ (filter lines, projections):
// every value a client sends travels as a parameter. Asked with hostile values in every filter field and the id, the
// composed statements (logged with their text at debug level, as the bench captures them) never contain those values,
// the values are among the parameters, and the answers are empty, not errors.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRequestContext } from '../src/context.js';
import { CypherLibrary } from '../src/db/cypher-library.js';
import { CypherExecutor } from '../src/db/executor.js';
import { createApollo } from '../src/server.js';
import { CapturingLogger } from './bench/capture.js';
import { ADMIN } from './support/api.js';
import { testDriver } from './support/db.js';

const MARK = "zq' OR true //} RETURN 1 AS x UNION MATCH (n) DETACH DELETE n //";
const logger = new CapturingLogger();
const apollo = createApollo(false);
let executor: CypherExecutor;

beforeAll(async () => {
  await apollo.start();
  executor = new CypherExecutor(testDriver(), new CypherLibrary(), { database: inject('neo4jDatabase'), timeoutMs: 60_000, logger });
});
afterAll(() => apollo.stop());

const LISTS = 'id name capabilities { level } accounts { status } deals { role }';
const CASES: [string, string, Record<string, unknown>][] = [
  [
    'a filtered partners page (every free-text filter field)',
    `query($f: PartnerFilter) { partners(first: 5, filter: $f) { totalCount edges { node { ${LISTS} } } } }`,
    { f: { region: MARK, industry: MARK, nameContains: MARK } },
  ],
  ['a partner by a hostile id', `query($id: ID!) { partner(id: $id) { ${LISTS} } }`, { id: MARK }],
];

describe('composed reads take every value as a parameter', () => {
  for (const [name, query, variables] of CASES) {
    it(name, async () => {
      let answer: unknown;
      const statements = await logger.capture(async () => {
        const response = await apollo.executeOperation(
          { query, variables },
          { contextValue: createRequestContext(executor, ADMIN, 'test') },
        );
        if (response.body.kind !== 'single') throw new Error('incremental responses are not used');
        answer = response.body.singleResult;
      });
      expect((answer as { errors?: unknown }).errors).toBeUndefined();
      const composed = statements.filter((s) => s.text !== undefined);
      expect(composed.length).toBeGreaterThan(0);
      for (const s of statements) {
        expect(s.text ?? executor.library.get(s.name).text).not.toContain('DETACH DELETE');
        expect(JSON.stringify(s.params)).toContain('DETACH DELETE');
      }
      const data = (answer as { data: Record<string, unknown> }).data;
      expect(data).toEqual('partners' in data ? { partners: { totalCount: 0, edges: [] } } : { partner: null });
    });
  }
});
