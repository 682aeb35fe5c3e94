// recordsToRows (src/db/values.ts) gives what the driver's own Record.toObject() and toPlain gave, on records made by the
// driver's Record class: columns in order, every value converted, no records no rows. Pure logic: no database.
import neo4j, { Record } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { recordsToRows, toPlain } from '../src/db/values.js';

describe('recordsToRows', () => {
  it('equals toPlain(record.toObject()) for every record, in order', () => {
    const keys = ['id', 'count', 'big', 'at', 'lists', 'none'];
    const records = Array.from(
      { length: 50 },
      (_, i) =>
        new Record(keys, [
          `p${i}`,
          neo4j.int(i),
          neo4j.int('9007199254740993'),
          new neo4j.types.DateTime(2026, 1, 1 + (i % 28), 0, 0, 0, 0, 0),
          [{ n: neo4j.int(i), m: [neo4j.int(1), null] }],
          null,
        ]),
    );
    const expected = records.map((r) => toPlain(r.toObject()));
    expect(recordsToRows(records)).toEqual(expected);
    expect(Object.keys(recordsToRows<{ [k: string]: unknown }>(records)[0] as object)).toEqual(keys);
    expect(recordsToRows([])).toEqual([]);
  });
});
