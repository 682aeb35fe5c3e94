// A brute force of the rules of engagement as README "Rules of engagement" states them, written
// without src/policy/rules.ts: every earlier deal is looked at one by one, every claim partner by
// partner, protection as plain arithmetic on milliseconds.

export interface OracleRules {
  conflictingRoles: string[];
  protectionWindowDays: number | null;
  directDealsConflict: boolean;
  enforceTerritory: boolean;
  duplicateCustomersAsOne: boolean;
}

export interface OracleDeal {
  id: string;
  customerId: string;
  /** The customer's duplicate group (the customer's id when it has none). */
  groupId: string;
  stage: string;
  createdAt: number;
  lastStageChangeAt: number | null;
  direct: boolean;
  participants: { partnerId: string; role: string }[];
  /** Decided (or given) status. */
  status: string | null;
}

export interface OracleTerritory {
  region: string | null;
  industry: string | null;
  partners: Record<string, { regions: string[]; industries: string[] }>;
}

const DAY = 24 * 60 * 60 * 1000;

function claims(rules: OracleRules, d: OracleDeal): string[] {
  const out: string[] = [];
  for (const p of d.participants) if (rules.conflictingRoles.includes(p.role) && !out.includes(p.partnerId)) out.push(p.partnerId);
  if (d.direct && rules.directDealsConflict) out.push('#vendor');
  return out;
}

function earlier(a: OracleDeal, b: OracleDeal): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/** Protected at t: approved, open, and t before (start + N days); start = the later of createdAt and the last stage change. */
export function oracleProtectedAt(rules: OracleRules, e: OracleDeal, t: number): boolean {
  if (e.status !== 'APPROVED' || e.stage.startsWith('CLOSED')) return false;
  if (rules.protectionWindowDays === null) return true;
  let start = e.createdAt;
  if (e.lastStageChangeAt !== null && e.lastStageChangeAt > start) start = e.lastStageChangeAt;
  return t < start + rules.protectionWindowDays * DAY;
}

/** {status, rule, conflictsWith} for d among all (d's own entry in all is ignored). */
export function oracleDecide(
  rules: OracleRules,
  d: OracleDeal,
  all: OracleDeal[],
  territory: OracleTerritory | null,
): { status: string; rule: string; conflictsWith: string[] } {
  if (d.stage.startsWith('CLOSED')) return { status: 'APPROVED', rule: 'CLOSED_DEAL', conflictsWith: [] };
  const mine = claims(rules, d);
  const wouldConflict: OracleDeal[] = [];
  for (const e of all) {
    if (e.id === d.id || !earlier(e, d) || e.stage.startsWith('CLOSED') || e.status !== 'APPROVED') continue;
    const sameCustomer = e.customerId === d.customerId || (rules.duplicateCustomersAsOne && e.groupId === d.groupId);
    if (!sameCustomer) continue;
    const theirs = claims(rules, e);
    if (theirs.length === 0) continue;
    let brings = false;
    for (const c of mine) if (!theirs.includes(c)) brings = true;
    if (brings) wouldConflict.push(e);
  }
  wouldConflict.sort((a, b) => (earlier(a, b) ? -1 : 1));
  const blocking = wouldConflict.filter((e) => oracleProtectedAt(rules, e, d.createdAt));
  if (blocking.length > 0) {
    const first = blocking[0]!;
    const rule =
      rules.directDealsConflict && (d.direct || first.direct)
        ? 'DIRECT_DEAL'
        : first.customerId !== d.customerId
          ? 'DUPLICATE_CUSTOMER'
          : 'ROLE_CONFLICT';
    return { status: 'CONFLICT', rule, conflictsWith: blocking.map((e) => e.id) };
  }
  if (rules.enforceTerritory && territory) {
    for (const p of d.participants) {
      if (!rules.conflictingRoles.includes(p.role)) continue;
      const t = territory.partners[p.partnerId] ?? { regions: [], industries: [] };
      const regionOk = territory.region === null || t.regions.includes(territory.region);
      const industryOk = territory.industry === null || t.industries.includes(territory.industry);
      if (!regionOk || !industryOk) return { status: 'PENDING_REVIEW', rule: 'OUT_OF_TERRITORY', conflictsWith: [] };
    }
  }
  if (wouldConflict.length > 0) return { status: 'APPROVED', rule: 'EXPIRED', conflictsWith: [] };
  return { status: 'APPROVED', rule: d.direct ? 'DIRECT_DEAL' : 'FIRST_REGISTERED', conflictsWith: [] };
}
