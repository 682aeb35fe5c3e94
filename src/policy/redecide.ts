// Re-deciding registration statuses under the current rules of engagement (`npm run import -- FILE
// --redecide`; README, "Rules of engagement"). An import keeps the statuses it is given; on request
// every open deal whose status the rules (or an import) gave is decided again, in registration order,
// with the same decision registerDeal takes (src/policy/rules.ts); a channel manager's decision
// (VENDOR_DECISION) and closed deals are kept.
import type { CypherExecutor } from '../db/executor.js';
import { allDuplicateGroups } from '../identity/identity-service.js';
import type { RegistrationStatus } from '../model/vocabulary.js';
import { decideAll, isOpenStage, type PolicyDeal, type TerritoryFacts } from './rules.js';
import { currentRules, decisionParams } from './rules-store.js';

interface Row extends PolicyDeal {
  customerRegion: string | null;
  customerIndustry: string | null;
  decisionRule: string | null;
  registrationStatus: RegistrationStatus;
  participants: { partnerId: string; role: string; regions: string[]; industries: string[] }[];
}

/** The outcome: how many deals were decided again and how many changed status. */
export interface RedecideCounts {
  decided: number;
  changed: number;
  policyVersion: number;
}

/**
 * Decides the open deals on `customerIds` (with the rest of their duplicate groups; null: every
 * deal) again under the current rules in one write transaction, every decision recorded, a changed
 * status also as a STATUS_CHANGED event at `now`.
 */
export async function redecideRegistrations(
  db: CypherExecutor,
  customerIds: readonly string[] | null = null,
  now: Date = new Date(),
): Promise<RedecideCounts> {
  return db.writeTransaction(async (tx) => {
    const rules = await currentRules(tx);
    const groupOf = new Map<string, string>();
    const groups = rules.duplicateCustomersAsOne ? await allDuplicateGroups(tx) : [];
    for (const g of groups) for (const m of g.memberIds) groupOf.set(m, g.id);
    const customers =
      customerIds === null
        ? null
        : [...new Set(customerIds.flatMap((c) => groups.find((g) => g.id === groupOf.get(c))?.memberIds ?? [c]))].sort();
    for (const customerId of customers ?? []) await tx.run('deals/lock-customer-deals', { customerId });
    const rows = await tx.run<Row>('policy/list-deals-for-redecision', { customerIds: customers });
    await tx.track(
      'Deal',
      rows.map((d) => d.id),
    );
    const redecided = (d: Row) => isOpenStage(d.stage) && d.decisionRule !== 'VENDOR_DECISION';
    const territory = new Map<string, TerritoryFacts>(
      rows.map((d) => [
        d.id,
        {
          customerRegion: d.customerRegion,
          customerIndustry: d.customerIndustry,
          partners: new Map(d.participants.map((p) => [p.partnerId, { regions: p.regions, industries: p.industries }])),
        },
      ]),
    );
    const decisions = decideAll(
      rules,
      rows.map((d) => ({ ...d, registrationStatus: redecided(d) ? null : d.registrationStatus })),
      (customerId) => groupOf.get(customerId) ?? customerId,
      (d) => territory.get(d.id) ?? null,
    );
    let decided = 0;
    let changed = 0;
    for (const d of rows) {
      if (!redecided(d)) continue;
      const decision = decisions.get(d.id)!;
      decided++;
      if (decision.status !== d.registrationStatus) {
        changed++;
        await tx.run('deals/record-deal-status', {
          dealId: d.id,
          status: decision.status,
          at: now,
          note: `Rules of engagement version ${rules.version}, decided again on import: ${decision.explanation}`,
        });
      }
      await tx.run('policy/record-registration-decision', { dealId: d.id, at: now, ...decisionParams(decision) });
    }
    return { decided, changed, policyVersion: rules.version };
  });
}
