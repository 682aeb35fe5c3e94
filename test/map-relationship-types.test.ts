// The map's weights for the vendor's users are a node's whole degree less the relationship types the map never
// draws (cypher/intelligence/get-ecosystem-*.cypher). That is right only while every relationship type the project
// writes is either drawn (the MapEdgeKind enum) or one of those: a new type must be placed here on purpose.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CypherLibrary } from '../src/db/cypher-library.js';

const NEVER_DRAWN = ['DISTINCT_FROM', 'HAS_EVENT', 'HAS_EXTERNAL_ID', 'SHARES_WITH'];
/** Ended relationships (README, "Time"): the map of now never draws them; the as-of map draws them under their current kind. */
const ENDED = ['HAD_ACCOUNT', 'HAD_CAPABILITY', 'HAD_INTEGRATION', 'HAD_MEMBERSHIP', 'HAD_SHARING'];
/** Between the API's own records (webhooks and their deliveries; programs and their enrolments), never touching a partner, customer, deal or its degree. */
const OUTSIDE_THE_ECOSYSTEM = ['ENROLS', 'HAS_DELIVERY'];
const library = new CypherLibrary();

function drawnKinds(): string[] {
  const schema = readFileSync(new URL('../schema/intelligence.graphql', import.meta.url), 'utf8');
  const body = /enum MapEdgeKind \{([^}]*)\}/.exec(schema)?.[1] ?? '';
  return body.split(/\s+/).filter((w) => /^[A-Z_]+$/.test(w));
}

function writtenTypes(): Set<string> {
  const types = new Set<string>();
  for (const file of library.all()) {
    for (const line of file.text.split('\n')) {
      if (!/\b(CREATE|MERGE)\b/.test(line)) continue;
      for (const m of line.matchAll(/\[\w*:([A-Z_]+)/g)) types.add(m[1]!);
    }
  }
  return types;
}

describe('relationship types and the map', () => {
  it('every relationship type written is drawn by the map or named as never drawn', () => {
    expect([...writtenTypes()].sort()).toEqual([...drawnKinds(), ...NEVER_DRAWN, ...ENDED, ...OUTSIDE_THE_ECOSYSTEM].sort());
  });

  it('the map files subtract exactly the types never drawn, and walk exactly the drawn ones', () => {
    for (const name of ['intelligence/get-ecosystem-overview', 'intelligence/get-ecosystem-neighbourhood']) {
      const text = library.get(name).text;
      const subtracted = [
        ...text.matchAll(
          /- (?:CASE )?(?:WHEN n:\w+ THEN )?COUNT \{ \(n\)-\[:([A-Z_|]+)\]-\(\) \}|WHEN n:\w+ THEN COUNT \{ \(n\)-\[:([A-Z_|]+)\]-\(\) \}/g,
        ),
      ].flatMap((m) => (m[1] ?? m[2])!.split('|'));
      expect([...new Set(subtracted)].sort(), name).toEqual([...NEVER_DRAWN, ...ENDED].sort());
      const walked = new Set<string>();
      for (const m of text.matchAll(/\[r:([A-Z_|]+)\]/g)) for (const t of m[1]!.split('|')) walked.add(t);
      expect([...walked].sort(), name).toEqual(drawnKinds().sort());
    }
  });
});
