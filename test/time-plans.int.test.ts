// The as-of plans (issue 14, README "Time"): the per-entity as-of reads start from an index seek and never scan a
// label, as their current-time twins do; ecosystemTrends counts accounts through the validity indexes of migration 007.
import { describe, expect, inject, it } from 'vitest';
import { testDriver, testExecutor } from './support/db.js';

const db = testExecutor();

async function planOperators(name: string): Promise<string[]> {
  const { summary } = await testDriver().executeQuery(`EXPLAIN ${db.library.get(name).text}`, {}, { database: inject('neo4jDatabase') });
  const operators: string[] = [];
  const walk = (plan: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
    operators.push(`${plan.operatorType.replace(/@.*$/, '')} ${String(plan.arguments['Details'] ?? '')}`);
    for (const child of plan.children) walk(child as typeof plan);
  };
  walk(summary.plan as unknown as Parameters<typeof walk>[0]);
  return operators;
}

describe('as-of plans', () => {
  it.each([
    'intelligence/find-partner-matches-as-of',
    'intelligence/count-account-overlap-as-of',
    'intelligence/list-overlap-customers-as-of',
    'intelligence/get-partner-impact-as-of',
    'intelligence/get-ecosystem-neighbourhood-as-of',
    'history/get-partner-lifecycle',
  ])('%s plans index seeks, no label scan', async (name) => {
    const operators = await planOperators(name);
    expect(
      operators.filter((o) => /LabelScan|AllNodesScan/.test(o)),
      name,
    ).toEqual([]);
    expect(
      operators.some((o) => /IndexSeek/.test(o)),
      name,
    ).toBe(true);
  });

  it('ecosystemTrends counts the accounts of each period end through the since and until indexes', async () => {
    const operators = await planOperators('history/get-trend-periods');
    const seeks = operators.filter((o) => /RelationshipIndexSeekByRange|RelationshipIndexSeek/.test(o));
    expect(
      seeks.some((o) => /HAS_ACCOUNT\(since\)/.test(o)),
      operators.join('\n'),
    ).toBe(true);
    expect(
      seeks.some((o) => /HAD_ACCOUNT\(until\)/.test(o)),
      operators.join('\n'),
    ).toBe(true);
  });

  it('as-of partnerMatches finds the holdings that began or ended after asOf through the since and until indexes', async () => {
    const operators = await planOperators('intelligence/find-partner-matches-as-of');
    const seeks = operators.filter((o) => /IndexSeek/.test(o)).join('\n');
    for (const index of ['HAS_CAPABILITY(since)', 'HAD_CAPABILITY(until)'])
      expect(seeks, `${index} in\n${operators.join('\n')}`).toContain(index);
  });

  // time/map-weight-at: a kept node's relationships that began, ended or met a deal after asOf are counted over the composite
  // indexes of migration 010-hub-ids (hubId = the node's id), never read one by one, and no relationship type is scanned whole.
  it.each(['intelligence/get-ecosystem-overview-as-of', 'intelligence/get-ecosystem-neighbourhood-as-of'])(
    '%s weighs the kept nodes through the hubId indexes',
    async (name) => {
      const operators = await planOperators(name);
      const seeks = operators.filter((o) => /IndexSeek/.test(o)).join('\n');
      for (const index of [
        'HAS_ACCOUNT(hubId, since)',
        'HAS_CAPABILITY(hubId, since)',
        'HAD_ACCOUNT(hubId, until)',
        'HAD_CAPABILITY(hubId, until)',
        'PARTICIPATES_IN(hubId, dealCreatedAt)',
      ])
        expect(seeks, `${index} in\n${operators.join('\n')}`).toContain(index);
      expect(
        operators.filter((o) => /RelationshipTypeScan|AllRelationshipsScan/.test(o)),
        operators.join('\n'),
      ).toEqual([]);
    },
  );
});
