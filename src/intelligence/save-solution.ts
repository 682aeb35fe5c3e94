// saveSolution: stores a proposal in the catalog as a DRAFT solution with its members and
// required capabilities, all or nothing.
import { z } from 'zod';
import type { CypherExecutor } from '../db/executor.js';
import type { SolutionRow } from '../model/rows.js';
import { PARTNER_TYPES } from '../model/vocabulary.js';
import {
  attempt,
  codeSchema,
  generateId,
  idSchema,
  nameSchema,
  onlyRow,
  optionalTextSchema,
  type Outcome,
} from '../validation/problems.js';
import { fail, requireReferences } from '../validation/references.js';
import { searchName } from '../search/search-name.js';

const codes = z
  .array(codeSchema)
  .nullish()
  .transform((v) => [...new Set(v ?? [])]);

export const SaveSolutionInput = z.object({
  id: idSchema.nullish(),
  name: nameSchema,
  description: optionalTextSchema.transform((v) => v || null),
  capabilityIds: z.array(idSchema).min(1, 'a solution requires at least one capability'),
  members: z
    .array(
      z.object({
        partnerId: idSchema,
        role: z
          .enum(PARTNER_TYPES)
          .nullish()
          .transform((v) => v ?? null),
      }),
    )
    .min(1, 'a solution needs at least one member')
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((m, index) => {
        if (seen.has(m.partnerId))
          ctx.addIssue({ code: 'custom', message: `partner ${JSON.stringify(m.partnerId)} is listed twice`, path: [index, 'partnerId'] });
        seen.add(m.partnerId);
      });
    }),
  regions: codes,
  industries: codes,
});

export class SaveSolutionService {
  constructor(private readonly db: CypherExecutor) {}

  saveSolution(input: unknown): Promise<Outcome<SolutionRow>> {
    return attempt(SaveSolutionInput, input, ['input'], (i) =>
      this.db.writeTransaction(async (tx) => {
        const id = i.id ?? generateId('solution');
        await tx.track('Solution', [id]);
        if (i.id && (await tx.run('solutions/find-existing-solutions', { ids: [i.id] })).length > 0) {
          fail({ path: ['input', 'id'], message: `A solution with id ${JSON.stringify(i.id)} already exists`, code: 'CONFLICT' });
        }
        await requireReferences(tx, [
          ...i.capabilityIds.map((cid, index) => ({
            kind: 'capability' as const,
            id: cid,
            path: ['input', 'capabilityIds', String(index)],
          })),
          ...i.members.map((m, index) => ({
            kind: 'partner' as const,
            id: m.partnerId,
            path: ['input', 'members', String(index), 'partnerId'],
          })),
        ]);
        const rows = await tx.run<{ node: SolutionRow }>('intelligence/create-solution-from-proposal', {
          id,
          name: i.name,
          searchName: searchName(i.name),
          description: i.description,
          regions: i.regions,
          industries: i.industries,
          capabilityIds: [...new Set(i.capabilityIds)],
          members: i.members,
        });
        return onlyRow(rows, ['input'], 'solution', id).node;
      }),
    );
  }
}
