// The rules of engagement are the whole database's: a test file whose oracle assumes the built-in rules sets them
// first (another file may have left a protection window, under which APPROVED deals read EXPIRED) and gives the
// previous ones back afterwards.
import { expect } from 'vitest';
import type { CypherExecutor } from '../../src/db/executor.js';
import { DEFAULT_RULES } from '../../src/policy/rules.js';
import { expectData } from './api.js';

const SET_RULES = `mutation($input: SetRulesOfEngagementInput!) { setRulesOfEngagement(input: $input) { errors { code } } }`;
const RULES_FIELDS = 'conflictingRoles protectionWindowDays directDealsConflict enforceTerritory duplicateCustomersAsOne';

/** The built-in rules without duplicate groups: a second reseller on an open approved deal conflicts, nothing expires, no territory or direct rule, each customer apart. */
export const BUILT_IN_RULES = {
  conflictingRoles: ['RESELLER'],
  protectionWindowDays: null,
  directDealsConflict: false,
  enforceTerritory: false,
  duplicateCustomersAsOne: false,
};

/** Sets the built-in rules (as a new version); resolves to a function that sets the previous ones again. */
export async function useBuiltInRules(db: CypherExecutor): Promise<() => Promise<void>> {
  const previous = (await expectData(db, `{ rulesOfEngagement { ${RULES_FIELDS} } }`)).data.rulesOfEngagement;
  expect((await expectData(db, SET_RULES, { input: BUILT_IN_RULES })).data.setRulesOfEngagement.errors).toEqual([]);
  return async () => {
    await expectData(db, SET_RULES, { input: previous });
  };
}

/** The rules a new database starts with (src/policy/rules.ts, DEFAULT_RULES), as an input: a test file that changed them sets these again after its tests. */
export const DEFAULT_RULES_INPUT = (({ version: _version, ...rules }) => ({ ...rules, note: 'defaults' }))(DEFAULT_RULES);

/** Sets the rules a new database starts with again (as a new version: versions are kept). */
export async function restoreDefaultRules(db: CypherExecutor): Promise<void> {
  expect((await expectData(db, SET_RULES, { input: DEFAULT_RULES_INPUT })).data.setRulesOfEngagement.errors).toEqual([]);
}
