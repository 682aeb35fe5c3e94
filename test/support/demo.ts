// The demo ecosystem (seed/demo-ecosystem.json) with every id, and every reference to one, under a prefix, so
// tests can load it into a shared test database beside other fixtures.
import { readFileSync } from 'node:fs';
import { prefixed } from './fixture.js';

export function prefixedDemo(prefix: string): Record<string, any> {
  return prefixed(prefix, JSON.parse(readFileSync(new URL('../../seed/demo-ecosystem.json', import.meta.url), 'utf8')));
}
