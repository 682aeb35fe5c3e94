// The project side of the peer comparison (../shared/peer/queries.mjs), updated to the best query the schema now
// offers for the same data: c20 pages the nested accounts (accountsConnection(first: 20)) and f counts them
// (accountsConnection(first: 0) { totalCount }) instead of fetching every account. The peer side and what each pair
// asks for are unchanged. To reproduce BENCHMARKS.md, "Read speed": copy ../shared/peer to a folder of your own, put
// this file over its queries.mjs and follow its README.
// The query pairs: the same data asked of the project (ecosystem-graph) and of the @neo4j/graphql peer.
// Each pair has a `canon` per side that turns the answer into the same canonical shape, to check that both
// sides return the same ids/counts before timing.
//
// Ordering: the project orders root lists by id (keyset on id) and nested lists by the related node's id
// (README); the peer is asked for the same order with explicit `sort`.

export const PARTNER_E = process.env.PARTNER_E ?? 'p.droor-data-le';
// The customer at 0-based position 19,899 in id order (deep-id.mjs), for the deep-page pair.
export const DEEP_AFTER_ID = process.env.DEEP_AFTER_ID ?? 'c.zentri-medical-8q2';

const sortIds = (xs) => [...xs].sort();

export const QUERIES = [
  {
    name: 'a_partners100',
    what: 'a page of 100 partners: id name types tier',
    project: { query: '{ partners(first: 100) { edges { node { id name types tier } } } }' },
    peer: { query: '{ partnersConnection(first: 100, sort: [{ id: ASC }]) { edges { node { id name types tier } } } }' },
    canonProject: (d) => d.partners.edges.map((e) => e.node),
    canonPeer: (d) => d.partnersConnection.edges.map((e) => e.node),
  },
  {
    name: 'b_partners50_caps',
    what: '50 partners with their capabilities (name, level)',
    project: { query: '{ partners(first: 50) { edges { node { id capabilities { level capability { id name } } } } } }' },
    peer: {
      query:
        '{ partnersConnection(first: 50, sort: [{ id: ASC }]) { edges { node { id capabilitiesConnection(sort: [{ node: { id: ASC } }]) { edges { properties { level } node { id name } } } } } } }',
    },
    canonProject: (d) =>
      d.partners.edges.map(({ node: p }) => ({ id: p.id, caps: p.capabilities.map((c) => [c.capability.id, c.capability.name, c.level]) })),
    canonPeer: (d) =>
      d.partnersConnection.edges.map(({ node: p }) => ({
        id: p.id,
        caps: p.capabilitiesConnection.edges.map((e) => [e.node.id, e.node.name, e.properties.level]),
      })),
  },
  {
    name: 'c_partners20_accounts_all',
    what: "20 partners with ALL their accounts (status) and each account's customer name (the project has no `first` on Partner.accounts)",
    project: { query: '{ partners(first: 20) { edges { node { id accounts { status customer { id name } } } } } }' },
    peer: {
      query:
        '{ partnersConnection(first: 20, sort: [{ id: ASC }]) { edges { node { id accountsConnection(sort: [{ node: { id: ASC } }]) { edges { properties { status } node { id name } } } } } } }',
    },
    canonProject: (d) =>
      d.partners.edges.map(({ node: p }) => ({ id: p.id, acc: p.accounts.map((a) => [a.customer.id, a.customer.name, a.status]) })),
    canonPeer: (d) =>
      d.partnersConnection.edges.map(({ node: p }) => ({
        id: p.id,
        acc: p.accountsConnection.edges.map((e) => [e.node.id, e.node.name, e.properties.status]),
      })),
  },
  {
    name: 'c20_partners20_accounts_first20',
    what: '20 partners with their FIRST 20 accounts: the peer pages the nested list (first: 20); the project cannot, so it fetches all and the client truncates',
    project: {
      query:
        '{ partners(first: 20) { edges { node { id accountsConnection(first: 20) { edges { node { status customer { id name } } } } } } } }',
    },
    peer: {
      query:
        '{ partnersConnection(first: 20, sort: [{ id: ASC }]) { edges { node { id accountsConnection(first: 20, sort: [{ node: { id: ASC } }]) { edges { properties { status } node { id name } } } } } } }',
    },
    canonProject: (d) =>
      d.partners.edges.map(({ node: p }) => ({
        id: p.id,
        acc: p.accountsConnection.edges.map(({ node: a }) => [a.customer.id, a.customer.name, a.status]),
      })),
    canonPeer: (d) =>
      d.partnersConnection.edges.map(({ node: p }) => ({
        id: p.id,
        acc: p.accountsConnection.edges.map((e) => [e.node.id, e.node.name, e.properties.status]),
      })),
  },
  {
    name: 'd_customers20_accounts_deals',
    what: '20 customers with their accounts (status, partner id+name) and their deals (id name stage)',
    project: {
      query: '{ customers(first: 20) { edges { node { id name accounts { status partner { id name } } deals { id name stage } } } } }',
    },
    peer: {
      query:
        '{ customersConnection(first: 20, sort: [{ id: ASC }]) { edges { node { id name accountsConnection(sort: [{ node: { id: ASC } }]) { edges { properties { status } node { id name } } } deals(sort: [{ id: ASC }]) { id name stage } } } } }',
    },
    canonProject: (d) =>
      d.customers.edges.map(({ node: c }) => ({
        id: c.id,
        name: c.name,
        acc: c.accounts.map((a) => [a.partner.id, a.partner.name, a.status]),
        deals: c.deals.map((x) => [x.id, x.name, x.stage]),
      })),
    canonPeer: (d) =>
      d.customersConnection.edges.map(({ node: c }) => ({
        id: c.id,
        name: c.name,
        acc: c.accountsConnection.edges.map((e) => [e.node.id, e.node.name, e.properties.status]),
        deals: c.deals.map((x) => [x.id, x.name, x.stage]),
      })),
  },
  {
    name: 'e_partner_by_id_deep',
    what: `one partner by id (${PARTNER_E}) with capabilities, integrations, and deals with their participants`,
    project: {
      query:
        'query($id: ID!) { partner(id: $id) { id name capabilities { level capability { id name } } integrations { id name } deals { role sourced deal { id name stage participants { role sourced partner { id name } } } } } }',
      variables: { id: PARTNER_E },
    },
    peer: {
      query:
        'query($id: ID!) { partners(where: { id: { eq: $id } }) { id name capabilitiesConnection(sort: [{ node: { id: ASC } }]) { edges { properties { level } node { id name } } } integrations(sort: [{ id: ASC }]) { id name } dealsConnection(sort: [{ node: { id: ASC } }]) { edges { properties { role sourced } node { id name stage participantsConnection(sort: [{ node: { id: ASC } }]) { edges { properties { role sourced } node { id name } } } } } } } }',
      variables: { id: PARTNER_E },
    },
    canonProject: (d) => {
      const p = d.partner;
      return {
        id: p.id,
        name: p.name,
        caps: p.capabilities.map((c) => [c.capability.id, c.capability.name, c.level]),
        ints: p.integrations.map((x) => [x.id, x.name]),
        deals: p.deals.map((x) => [
          x.deal.id,
          x.deal.name,
          x.deal.stage,
          x.role,
          x.sourced,
          x.deal.participants.map((q) => [q.partner.id, q.partner.name, q.role, q.sourced]),
        ]),
      };
    },
    canonPeer: (d) => {
      const p = d.partners[0];
      return {
        id: p.id,
        name: p.name,
        caps: p.capabilitiesConnection.edges.map((e) => [e.node.id, e.node.name, e.properties.level]),
        ints: p.integrations.map((x) => [x.id, x.name]),
        deals: p.dealsConnection.edges.map((e) => [
          e.node.id,
          e.node.name,
          e.node.stage,
          e.properties.role,
          e.properties.sourced ?? false,
          e.node.participantsConnection.edges.map((q) => [q.node.id, q.node.name, q.properties.role, q.properties.sourced ?? false]),
        ]),
      };
    },
  },
  {
    name: 'f_partners100_account_counts',
    what: 'total partner count + 100 partners with their number of accounts (project: no count field, so it fetches every account and the client counts)',
    project: { query: '{ partners(first: 100) { totalCount edges { node { id accountsConnection(first: 0) { totalCount } } } } }' },
    peer: {
      query:
        '{ partnersConnection(first: 100, sort: [{ id: ASC }]) { totalCount edges { node { id accountsConnection { aggregate { count { nodes } } } } } } }',
    },
    canonProject: (d) => ({
      total: d.partners.totalCount,
      rows: d.partners.edges.map(({ node: p }) => [p.id, p.accountsConnection.totalCount]),
    }),
    canonPeer: (d) => ({
      total: d.partnersConnection.totalCount,
      rows: d.partnersConnection.edges.map(({ node: p }) => [p.id, p.accountsConnection.aggregate.count.nodes]),
    }),
  },
  {
    name: 'g_partners_EMEA_GOLD',
    what: 'filter: partners in region EMEA with tier GOLD (first 100) + totalCount',
    project: {
      query: '{ partners(first: 100, filter: { region: "EMEA", tiers: [GOLD] }) { totalCount edges { node { id name tier regions } } } }',
    },
    peer: {
      query:
        '{ partnersConnection(first: 100, sort: [{ id: ASC }], where: { regions: { includes: "EMEA" }, tier: { eq: GOLD } }) { totalCount edges { node { id name tier regions } } } }',
    },
    canonProject: (d) => ({ total: d.partners.totalCount, rows: d.partners.edges.map((e) => e.node) }),
    canonPeer: (d) => ({ total: d.partnersConnection.totalCount, rows: d.partnersConnection.edges.map((e) => e.node) }),
  },
  {
    name: 'h_customers_deep_page',
    extra: true,
    what: 'deep page: 20 customers after position 19,900 of 20,000 (project: keyset cursor = base64url(id); peer: list form with offset, because its customersConnection with after=arrayconnection:19899 fails, see RESULTS.md)',
    project: {
      query: `{ customers(first: 20, after: "${Buffer.from(DEEP_AFTER_ID, 'utf8').toString('base64url')}") { edges { node { id name } } } }`,
    },
    peer: { query: '{ customers(limit: 20, offset: 19900, sort: [{ id: ASC }]) { id name } }' },
    peerConnectionQuery: `{ customersConnection(first: 20, after: "${Buffer.from('arrayconnection:19899').toString('base64')}", sort: [{ id: ASC }]) { edges { node { id name } } } }`,
    canonProject: (d) => d.customers.edges.map((e) => e.node),
    canonPeer: (d) => d.customers,
  },
];

export { sortIds };
