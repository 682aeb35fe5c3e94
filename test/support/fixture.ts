// Test fixtures as small interchange documents (docs/ecosystem-format.md): a test writes its
// entities with short ids, prefixed() puts its unique prefix on every id and every reference,
// and loadFixture() imports the document with the project's importer in its merge mode (no
// --replace), so fixtures follow the model and sit beside other tests' data in the shared
// database. What the importer adds or decides, as the format says:
// - each new deal gets one IMPORTED DealEvent (at the import's time);
// - a deal without registrationStatus gets one decided by the rules of engagement, so a
//   fixture that needs a given status writes it;
// - defaults apply (tier REGISTERED, lifecycleStage ACTIVE, capability level BASIC, solution
//   status DRAFT, participant sourced false and registeredAt = the deal's createdAt), absent
//   lists are empty, and integrations are undirected.
import type { CypherExecutor } from '../../src/db/executor.js';
import type {
  AccountRecord,
  CapabilityRecord,
  CustomerRecord,
  DealRecord,
  ParticipantRecord,
  PartnerRecord,
  SolutionRecord,
} from '../../src/interchange/format.js';
import { importEcosystem, type ImportCounts } from '../../src/interchange/import.js';

type WithDefaults<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** An interchange document as a fixture writes it: fields with a default in the format may be left out. */
export interface FixtureDocument {
  capabilities?: CapabilityRecord[];
  partners?: (WithDefaults<
    Omit<PartnerRecord, 'capabilities'>,
    'tier' | 'lifecycleStage' | 'regions' | 'industries' | 'integratesWith' | 'integrations' | 'sharing'
  > & {
    capabilities?: WithDefaults<PartnerRecord['capabilities'][number], 'level'>[];
  })[];
  customers?: WithDefaults<CustomerRecord, 'needs'>[];
  accounts?: AccountRecord[];
  solutions?: WithDefaults<SolutionRecord, 'status' | 'requires' | 'members' | 'regions' | 'industries'>[];
  deals?: (Omit<DealRecord, 'participants'> & { participants?: WithDefaults<ParticipantRecord, 'sourced' | 'registeredAt'>[] })[];
}

/**
 * A copy of the document with `prefix` put before every id and every reference to one
 * (capability parents, partner capabilities, integrations and grants, customer needs, accounts,
 * solution requirements and members, deal customers, solutions and participants).
 */
export function prefixed<T extends FixtureDocument>(prefix: string, doc: T): T {
  const id = (s: string) => `${prefix}${s}`;
  const copy = structuredClone(doc);
  for (const c of copy.capabilities ?? []) {
    c.id = id(c.id);
    if (c.parentId !== undefined) c.parentId = id(c.parentId);
  }
  for (const p of copy.partners ?? []) {
    p.id = id(p.id);
    for (const held of p.capabilities ?? []) held.capabilityId = id(held.capabilityId);
    if (p.integratesWith) p.integratesWith = p.integratesWith.map(id);
    for (const link of p.integrations ?? []) link.partnerId = id(link.partnerId);
    for (const grant of p.sharing ?? []) grant.partnerId = id(grant.partnerId);
  }
  for (const u of copy.customers ?? []) {
    u.id = id(u.id);
    if (u.needs) u.needs = u.needs.map(id);
  }
  for (const a of copy.accounts ?? []) {
    a.partnerId = id(a.partnerId);
    a.customerId = id(a.customerId);
  }
  for (const s of copy.solutions ?? []) {
    s.id = id(s.id);
    if (s.requires) s.requires = s.requires.map(id);
    for (const m of s.members ?? []) m.partnerId = id(m.partnerId);
  }
  for (const d of copy.deals ?? []) {
    d.id = id(d.id);
    d.customerId = id(d.customerId);
    if (d.solutionId !== undefined) d.solutionId = id(d.solutionId);
    for (const p of d.participants ?? []) p.partnerId = id(p.partnerId);
  }
  return copy;
}

/**
 * Imports the fixture document (formatVersion 1 is added) with the project's importer in merge
 * mode, in one transaction. Throws with every problem's path and code when the importer refuses it.
 */
export async function loadFixture(db: CypherExecutor, doc: FixtureDocument): Promise<ImportCounts> {
  const result = await importEcosystem(db, { formatVersion: 1, ...doc });
  if (!result.ok)
    throw new Error(`fixture refused by the importer:\n${result.problems.map((p) => `${p.path} ${p.code}: ${p.message}`).join('\n')}`);
  return result.counts;
}
