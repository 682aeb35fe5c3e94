// Solutions: reads both ways, the filtered connection, and mutations (requirements and members).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData } from './support/api.js';
import { graphFingerprint, removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { loadFixture, prefixed } from './support/fixture.js';

const db = testExecutor();
const px = uniquePrefix('sols');
const SOLUTION = `id name description status regions industries requires { id } members { role partner { id } }`;
const CREATE = `mutation($input: CreateSolutionInput!) { createSolution(input: $input) { solution { ${SOLUTION} } errors { path code } } }`;

beforeAll(async () => {
  await loadFixture(
    db,
    prefixed(px, {
      capabilities: [
        { id: 'cap1', name: 'Cap 1' },
        { id: 'cap2', name: 'Cap 2' },
      ],
      partners: [
        { id: 'pa', name: 'A', types: ['TECHNOLOGY'], tier: 'GOLD' },
        { id: 'pb', name: 'B', types: ['SERVICES'], tier: 'GOLD' },
      ],
      solutions: [
        {
          id: 's1',
          name: 'Zero Trust',
          status: 'PUBLISHED',
          regions: ['EMEA'],
          industries: ['FINANCE'],
          requires: ['cap1'],
          members: [{ partnerId: 'pa', role: 'TECHNOLOGY' }],
        },
        { id: 's2', name: 'Draft', status: 'DRAFT', regions: ['EMEA'] },
      ],
      customers: [{ id: 'u', name: 'U' }],
      deals: [
        {
          id: 'd1',
          name: 'D',
          customerId: 'u',
          solutionId: 's1',
          stage: 'PROPOSAL',
          amount: '0.05',
          currency: 'EUR',
          createdAt: '2025-01-01T00:00:00Z',
          registrationStatus: 'APPROVED',
        },
      ],
    }),
  );
});
afterAll(() => removeByPrefix(db, px));

describe('solution reads', () => {
  it('reads a solution with requirements, members and deals, and a partner with its solutions', async () => {
    const { data } = await expectData(
      db,
      `query { solution(id: "${px}s1") { ${SOLUTION} deals { id solution { id } } }
               partner(id: "${px}pa") { solutions { role solution { id name } } } }`,
    );
    expect(data).toEqual({
      solution: {
        id: `${px}s1`,
        name: 'Zero Trust',
        description: null,
        status: 'PUBLISHED',
        regions: ['EMEA'],
        industries: ['FINANCE'],
        requires: [{ id: `${px}cap1` }],
        members: [{ role: 'TECHNOLOGY', partner: { id: `${px}pa` } }],
        deals: [{ id: `${px}d1`, solution: { id: `${px}s1` } }],
      },
      partner: { solutions: [{ role: 'TECHNOLOGY', solution: { id: `${px}s1`, name: 'Zero Trust' } }] },
    });
  });

  it('filters the connection', async () => {
    const query = `query($f: SolutionFilter) { solutions(filter: $f, first: 10) { totalCount edges { node { id } } } }`;
    const ids = async (f: object) =>
      (await expectData(db, query, { f })).data.solutions.edges.map((e: any) => e.node.id).filter((id: string) => id.startsWith(px));
    expect(await ids({ region: 'EMEA' })).toEqual([`${px}s1`, `${px}s2`]);
    expect(await ids({ statuses: ['DRAFT'], region: 'EMEA' })).toEqual([`${px}s2`]);
    expect(await ids({ partnerId: `${px}pa` })).toEqual([`${px}s1`]);
    expect(await ids({ capabilityId: `${px}cap1`, industry: 'FINANCE' })).toEqual([`${px}s1`]);
    const counted = await expectData(db, query, { f: { partnerId: `${px}pa` } });
    expect(counted.data.solutions.totalCount).toBe(1);
  });
});

describe('solution mutations', () => {
  it('creates with requirements and members, idempotently, and updates lists given', async () => {
    const input = {
      id: `${px}new`,
      name: 'Assembly',
      requires: [`${px}cap2`, `${px}cap1`],
      members: [
        { partnerId: `${px}pb`, role: 'SERVICES' },
        { partnerId: `${px}pa`, role: 'TECHNOLOGY' },
      ],
    };
    const made = await expectData(db, CREATE, { input });
    expect(made.data.createSolution).toEqual({
      solution: {
        id: `${px}new`,
        name: 'Assembly',
        description: null,
        status: 'DRAFT',
        regions: [],
        industries: [],
        requires: [{ id: `${px}cap1` }, { id: `${px}cap2` }],
        members: [
          { role: 'TECHNOLOGY', partner: { id: `${px}pa` } },
          { role: 'SERVICES', partner: { id: `${px}pb` } },
        ],
      },
      errors: [],
    });
    const again = await expectData(db, CREATE, { input: { id: `${px}new`, name: 'Assembly', status: 'PUBLISHED' } });
    expect(again.data.createSolution.solution).toMatchObject({ status: 'PUBLISHED', requires: [], members: [] });
    const updated = await expectData(
      db,
      `mutation { updateSolution(input: {id: "${px}new", description: "Two partners", members: [{partnerId: "${px}pb", role: MSP}]}) { solution { ${SOLUTION} } errors { code } } }`,
    );
    expect(updated.data.updateSolution.solution).toMatchObject({
      description: 'Two partners',
      status: 'PUBLISHED',
      requires: [],
      members: [{ role: 'MSP', partner: { id: `${px}pb` } }],
    });
  });

  it('reports missing and duplicate references at their paths and changes nothing', async () => {
    const before = await graphFingerprint(db);
    const missing = await expectData(db, CREATE, {
      input: {
        id: `${px}bad`,
        name: 'Bad',
        requires: [`${px}ghost`],
        members: [
          { partnerId: `${px}pa`, role: 'MSP' },
          { partnerId: `${px}nobody`, role: 'MSP' },
        ],
      },
    });
    expect(missing.data.createSolution).toEqual({
      solution: null,
      errors: [
        { path: ['input', 'members', '1', 'partnerId'], code: 'NOT_FOUND' },
        { path: ['input', 'requires', '0'], code: 'NOT_FOUND' },
      ],
    });
    const twice = await expectData(db, CREATE, {
      input: {
        id: `${px}bad`,
        name: 'Bad',
        members: [
          { partnerId: `${px}pa`, role: 'MSP' },
          { partnerId: `${px}pa`, role: 'RESELLER' },
        ],
      },
    });
    expect(twice.data.createSolution.errors).toEqual([{ path: ['input', 'members', '1', 'partnerId'], code: 'BAD_USER_INPUT' }]);
    expect(await graphFingerprint(db)).toEqual(before);
  });

  it('adds and removes a member, and deletes a solution', async () => {
    const add = await expectData(
      db,
      `mutation { addSolutionMember(input: {solutionId: "${px}s2", partnerId: "${px}pb", role: SERVICES}) { solution { members { role partner { id } } } errors { code } } }`,
    );
    expect(add.data.addSolutionMember).toEqual({ solution: { members: [{ role: 'SERVICES', partner: { id: `${px}pb` } }] }, errors: [] });
    const bad = await expectData(
      db,
      `mutation { addSolutionMember(input: {solutionId: "${px}ghost", partnerId: "${px}pb", role: SERVICES}) { solution { id } errors { path code } } }`,
    );
    expect(bad.data.addSolutionMember).toEqual({ solution: null, errors: [{ path: ['input', 'solutionId'], code: 'NOT_FOUND' }] });
    const removed = await expectData(
      db,
      `mutation { removeSolutionMember(input: {solutionId: "${px}s2", partnerId: "${px}pb"}) { solution { members { role } } errors { code } } }`,
    );
    expect(removed.data.removeSolutionMember).toEqual({ solution: { members: [] }, errors: [] });
    const del = await expectData(db, `mutation { deleteSolution(id: "${px}s2") { deletedId errors { code } } }`);
    expect(del.data.deleteSolution).toEqual({ deletedId: `${px}s2`, errors: [] });
    expect((await expectData(db, `query { solution(id: "${px}s2") { id } }`)).data.solution).toBeNull();
  });
});
