// The demo ecosystem (seed/demo-ecosystem.json) with every id, and every reference to one, under a prefix, so
// tests can load it into a shared test database beside other fixtures.
import { readFileSync } from 'node:fs';

export function prefixedDemo(prefix: string): Record<string, any> {
  const id = (demoId: string) => `${prefix}${demoId}`;
  const doc = JSON.parse(readFileSync(new URL('../../seed/demo-ecosystem.json', import.meta.url), 'utf8'));
  for (const c of doc.capabilities) {
    c.id = id(c.id);
    if (c.parentId) c.parentId = id(c.parentId);
  }
  for (const p of doc.partners) {
    p.id = id(p.id);
    for (const c of p.capabilities ?? []) c.capabilityId = id(c.capabilityId);
    p.integratesWith = (p.integratesWith ?? []).map(id);
    for (const s of p.sharing ?? []) s.partnerId = id(s.partnerId);
  }
  for (const c of doc.customers) {
    c.id = id(c.id);
    c.needs = (c.needs ?? []).map(id);
  }
  for (const a of doc.accounts) {
    a.partnerId = id(a.partnerId);
    a.customerId = id(a.customerId);
  }
  for (const s of doc.solutions) {
    s.id = id(s.id);
    s.requires = (s.requires ?? []).map(id);
    for (const m of s.members ?? []) m.partnerId = id(m.partnerId);
  }
  for (const d of doc.deals) {
    d.id = id(d.id);
    d.customerId = id(d.customerId);
    if (d.solutionId) d.solutionId = id(d.solutionId);
    for (const p of d.participants ?? []) p.partnerId = id(p.partnerId);
  }
  return doc;
}
