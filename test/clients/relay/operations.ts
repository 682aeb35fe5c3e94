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
