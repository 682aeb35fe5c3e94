// The README's network analytics answers on the demo ecosystem (loaded under a prefix). Brokers, lookalikes,
// recruitment candidates and predicted integrations only depend on the demo's own connected component and
// capabilities, so other data in the test database cannot change them; the answers are filtered to the prefix.
// The communities are checked by their membership, which the README lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';
import { prefixedDemo } from './support/demo.js';

const db = testExecutor();
const px = uniquePrefix('nademo');
const id = (demoId: string) => `${px}${demoId}`;
const ours = (rows: any[]): any[] => rows.filter((r) => r.partner.id.startsWith(px));

beforeAll(async () => {
  const imported = await importEcosystem(db, prefixedDemo(px));
  if (!imported.ok) throw new Error(`the prefixed demo did not import: ${JSON.stringify(imported.problems.slice(0, 5))}`);
});
afterAll(() => removeByPrefix(db, px));

describe('network analytics on the demo ecosystem (the README answers)', () => {
  it('brokerPartners: LogWeave, CloudNova, Vaultline Identity', async () => {
    const { data } = await expectData(db, `{ brokerPartners(first: 100) { partner { id name } score } }`);
    const top = ours(data.brokerPartners).slice(0, 3);
    expect(top.map((b) => [b.partner.name, Number(b.score.toFixed(2))])).toEqual([
      ['LogWeave', 36.58],
      ['CloudNova', 35.77],
      ['Vaultline Identity', 35.13],
    ]);
  });

  it('lookalikePartners for Harborview (prospects) and LogWeave (three stages)', async () => {
    const q = `query($id: ID!, $stages: [LifecycleStage!]) { lookalikePartners(partnerId: $id, first: 100, stages: $stages) { partner { id name } similarity sharedFeatures } }`;
    const harborview = ours((await expectData(db, q, { id: id('p.harborview') })).data.lookalikePartners);
    expect(harborview.map((s: any) => [s.partner.name, s.similarity, s.sharedFeatures])).toEqual([
      ['Green Harbor Solutions', 1 / 3, ['industry:HEALTHCARE', 'region:NA', 'type:RESELLER']],
      ['Fjordline Consulting', 1 / 13, ['region:EMEA']],
    ]);
    const logweave = ours(
      (await expectData(db, q, { id: id('p.logweave'), stages: ['ACTIVE', 'ONBOARDING', 'PROSPECT'] })).data.lookalikePartners,
    );
    expect(logweave.slice(0, 3).map((s: any) => [s.partner.name, s.similarity])).toEqual([
      ['Threatloom Intelligence', 7 / 13],
      ['KubeGuard', 1 / 2],
      ['CloudNova', 7 / 17],
    ]);
  });

  it('recruitmentCandidates like Harborview and Quillon: Fjordline closes the OT/ICS gap', async () => {
    const { data } = await expectData(
      db,
      `query($ids: [ID!]!) { recruitmentCandidates(exemplarIds: $ids, first: 100) { partner { id name } similarity closesGaps { name } } }`,
      {
        ids: [id('p.harborview'), id('p.quillon')],
      },
    );
    expect(
      ours(data.recruitmentCandidates).map((r: any) => [
        r.partner.name,
        Number(r.similarity.toFixed(3)),
        r.closesGaps.map((c: any) => c.name),
      ]),
    ).toEqual([
      ['Green Harbor Solutions', 0.196, []],
      ['Fjordline Consulting', 0.094, ['OT/ICS security']],
    ]);
  });

  it('predictedIntegrations for Harborview', async () => {
    const { data } = await expectData(
      db,
      `query($id: ID!) { predictedIntegrations(partnerId: $id, first: 100) { partner { id name } score commonNeighbours } }`,
      {
        id: id('p.harborview'),
      },
    );
    expect(
      ours(data.predictedIntegrations)
        .map((r: any) => [r.partner.name, Number(r.score.toFixed(2)), r.commonNeighbours])
        .slice(0, 5),
    ).toEqual([
      ['Vaultline Identity', 6.09, 16],
      ['CloudNova', 5.67, 15],
      ['LogWeave', 5.65, 15],
      ['Threatloom Intelligence', 3.6, 10],
      ['Tunnelkeep Networks', 2.76, 8],
    ]);
  });

  it('partnerCommunities: the demo partners fall into the README four communities', async () => {
    const { data } = await expectData(
      db,
      `{ partnerCommunities { communities(first: 20) { edges { node { id size label members(first: 50) { edges { node { id name } } } } } } } }`,
    );
    const demo = (data.partnerCommunities.communities.edges as any[])
      .map((e) => ({
        id: e.node.id as string,
        label: e.node.label as string,
        names: (e.node.members.edges as any[]).filter((m) => m.node.id.startsWith(px)).map((m) => m.node.name as string),
      }))
      .filter((c) => c.names.length > 0);
    expect(demo.map((c) => [c.id.replace(px, ''), c.label, c.names.length])).toEqual([
      ['community-p.albion', 'Implementation, Email security · NA', 13],
      ['community-p.atlas', 'Network & SD-WAN, Identity & access · EMEA', 11],
      ['community-p.cloudnova', 'Kubernetes, Data lake · NA', 5],
      ['community-p.datafort', 'Backup & recovery, Endpoint protection · APAC', 3],
    ]);
    expect(demo[2]!.names).toEqual(['CloudNova', 'Harborview Technologies', 'KubeGuard', 'Lattice Digital', 'Redwood Offensive Labs']);
  });
});
