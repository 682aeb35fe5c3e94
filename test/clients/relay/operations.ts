// The Relay operations of test/clients/relay.int.test.ts, as an app writes them. relay-compiler
// (`npm run codegen`, config relay.config.json) compiles them against schema/ into __generated__/;
// the test runs those artifacts (this file is only the compiler's source: without Relay's Babel
// plugin, graphql`` throws when it runs).
import { graphql } from 'relay-runtime';

export const partnerQuery = graphql`
  query operationsPartnerQuery($id: ID!) {
    partner(id: $id) {
      id
      name
      tier
    }
  }
`;

export const partnersPageQuery = graphql`
  query operationsPartnersPageQuery($first: Int!, $regions: String) {
    ...operationsPartnerList_query @arguments(first: $first, region: $regions)
  }
`;

export const partnerList = graphql`
  fragment operationsPartnerList_query on Query
  @refetchable(queryName: "operationsPartnerListPaginationQuery")
  @argumentDefinitions(first: { type: "Int!" }, after: { type: "String" }, region: { type: "String" }) {
    partners(first: $first, after: $after, filter: { region: $region }) @connection(key: "operationsPartnerList_partners") {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;

export const partnerAccounts = graphql`
  fragment operationsPartnerAccounts_partner on Partner
  @refetchable(queryName: "operationsPartnerAccountsRefetchQuery")
  @argumentDefinitions(first: { type: "Int", defaultValue: 2 }, after: { type: "String" }) {
    id
    name
    accountsConnection(first: $first, after: $after) @connection(key: "operationsPartnerAccounts_accountsConnection") {
      totalCount
      edges {
        node {
          id
          status
          customer {
            id
            name
          }
        }
      }
    }
  }
`;

export const partnerWithAccountsQuery = graphql`
  query operationsPartnerWithAccountsQuery($id: ID!) {
    partner(id: $id) {
      ...operationsPartnerAccounts_partner
    }
  }
`;

export const mapQuery = graphql`
  query operationsMapQuery($centerId: ID!) {
    ecosystemMap(input: { centerId: $centerId, depth: 1 }) {
      nodes {
        id
        entityId
        kind
        label
        distance
      }
    }
  }
`;
