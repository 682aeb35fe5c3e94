// toPlain converts lists and maps in place (src/db/values.ts): it must give exactly what the copying conversion gave,
// for every kind of value Neo4j returns, nested at any depth; and converting twice must change nothing.
import neo4j, { isDate, isDateTime, isInt, isLocalDateTime, isNode, isRelationship, type Integer } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../src/db/values.js';
import { prng } from './support/random.js';

/** The conversion as it was before it worked in place (commit 706588f): a fresh copy of every list and map. */
function copyingToPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyingToPlain);
  if (value.constructor === Object) {
    const out: Record<string, unknown> = {};
    for (const k in value) out[k] = copyingToPlain((value as Record<string, unknown>)[k]);
    return out;
  }
  if (isInt(value)) {
    const i = value as Integer;
    return i.inSafeRange() ? i.toNumber() : BigInt(i.toString());
  }
  if (isDateTime(value as object) || isLocalDateTime(value as object)) return new Date((value as { toString(): string }).toString());
  if (isDate(value as object)) return new Date(`${(value as { toString(): string }).toString()}T00:00:00Z`);
  if (isNode(value as object) || isRelationship(value as object)) {
    return copyingToPlain((value as { properties: Record<string, unknown> }).properties);
  }
  return value;
}

/**
 * A value as the driver decodes one: built afresh by `make` each time it is called with the same seed (the in-place
 * conversion consumes its input), with integers small and beyond 2^53, temporals, nodes, relationships, points,
 * durations, nulls, undefined, strings, floats and booleans, in lists and maps nested up to `depth`.
 */
function make(seed: number, depth = 4): unknown {
  const rnd = prng(seed);
  const leaf = (): unknown => {
    switch (Math.floor(rnd() * 14)) {
      case 0:
        return neo4j.int(Math.floor(rnd() * 1000) - 500);
      case 1:
        return neo4j.int(`${9007199254740993n + BigInt(Math.floor(rnd() * 1e6))}`);
      case 2:
        return neo4j.int(`-${9007199254740993n + BigInt(Math.floor(rnd() * 1e6))}`);
      case 3:
        return new neo4j.types.DateTime(2026, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28), 12, 30, 0, 0, 0);
      case 4:
        return new neo4j.types.LocalDateTime(2025, 6, 1 + Math.floor(rnd() * 28), 8, 0, 0, 0);
      case 5:
        return new neo4j.types.Date(2024, 2, 1 + Math.floor(rnd() * 28));
      case 6:
        return new neo4j.types.Point(7203, rnd(), rnd());
      case 7:
        return new neo4j.types.Duration(1, 2, 3, 4);
      case 8:
        return null;
      case 9:
        return undefined;
      case 10:
        return `s${Math.floor(rnd() * 1e6)}`;
      case 11:
        return rnd() * 100;
      default:
        return rnd() < 0.5;
    }
  };
  const build = (d: number): unknown => {
    const r = rnd();
    if (d === 0 || r < 0.3) return leaf();
    const size = Math.floor(rnd() * 5);
    if (r < 0.55) return Array.from({ length: size }, () => build(d - 1));
    const map: Record<string, unknown> = {};
    for (let i = 0; i < size; i++) map[`k${i}`] = build(d - 1);
    if (r < 0.8) return map;
    if (r < 0.9) return new neo4j.types.Node(neo4j.int(Math.floor(rnd() * 1e6)), ['Partner'], map, `e${seed}:${d}`);
    return new neo4j.types.Relationship(neo4j.int(1), neo4j.int(2), neo4j.int(3), 'HAS_ACCOUNT', map, 'r', 'a', 'b');
  };
  return build(depth);
}

describe('toPlain in place', () => {
  it('gives what the copying conversion gave, for 2,000 random nested values', () => {
    let containers = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const expected = copyingToPlain(make(seed));
      const input = make(seed);
      const converted = toPlain(input);
      expect(converted, `seed ${seed}`).toStrictEqual(expected);
      // Converting again changes nothing (a value reached twice is converted once more, harmlessly).
      expect(toPlain(converted), `seed ${seed}, twice`).toStrictEqual(expected);
      if (input !== null && typeof input === 'object' && (Array.isArray(input) || input.constructor === Object)) {
        containers++;
        // Lists and maps come back as themselves, converted: nothing is copied.
        expect(converted).toBe(input);
      }
    }
    expect(containers).toBeGreaterThan(500);
  });

  it('converts a row as the map statement returns it: lists of maps with integers', () => {
    const row = {
      nodes: [
        { id: 'p.a', kind: 'PARTNER', label: 'A', group: null, weight: neo4j.int(217), distance: neo4j.int(0) },
        { id: 'cap.x', kind: 'CAPABILITY', label: 'X', group: 'SECURITY', weight: neo4j.int(3), distance: neo4j.int(1) },
      ],
      edges: [{ source: 'p.a', target: 'cap.x', kind: 'HAS_CAPABILITY' }],
      truncated: false,
    };
    expect(toPlain(row)).toStrictEqual({
      nodes: [
        { id: 'p.a', kind: 'PARTNER', label: 'A', group: null, weight: 217, distance: 0 },
        { id: 'cap.x', kind: 'CAPABILITY', label: 'X', group: 'SECURITY', weight: 3, distance: 1 },
      ],
      edges: [{ source: 'p.a', target: 'cap.x', kind: 'HAS_CAPABILITY' }],
      truncated: false,
    });
  });
});
