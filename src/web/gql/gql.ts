/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MapCapabilityPage($after: String) {\n    capabilities(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          category\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MapCapabilityPageDocument,
    "\n  query MapFilterOptions {\n    partners(first: 100) {\n      edges {\n        node {\n          id\n          regions\n          industries\n        }\n      }\n    }\n    customers(first: 100) {\n      edges {\n        node {\n          id\n          region\n          industry\n        }\n      }\n    }\n  }\n": typeof types.MapFilterOptionsDocument,
    "\n  query GapAnalysisView($region: String, $industry: String) {\n    gapAnalysis(region: $region, industry: $industry) {\n      capabilities {\n        capability {\n          id\n          name\n          category\n        }\n        customerDemand\n        solutionDemand\n        supply\n        status\n      }\n    }\n  }\n": typeof types.GapAnalysisViewDocument,
    "\n  query CoveringPartners($filter: PartnerFilter) {\n    partners(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          tier\n          lifecycleStage\n        }\n      }\n    }\n  }\n": typeof types.CoveringPartnersDocument,
    "\n  query EcosystemMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edges {\n        id\n        source\n        target\n        kind\n      }\n      truncated\n    }\n  }\n": typeof types.EcosystemMapViewDocument,
    "\n  query CommunityMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edges {\n        id\n        source\n        target\n        kind\n        weight\n      }\n      truncated\n    }\n  }\n": typeof types.CommunityMapViewDocument,
    "\n  subscription MapChanged($input: EcosystemMapInput) {\n    ecosystemMapChanged(input: $input) {\n      reset\n      truncated\n      nodesAdded {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      nodesRemoved\n      nodesReweighted {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edgesAdded {\n        id\n        source\n        target\n        kind\n      }\n      edgesRemoved {\n        id\n        source\n        target\n        kind\n      }\n      edgesReweighted {\n        id\n        source\n        target\n        kind\n      }\n    }\n  }\n": typeof types.MapChangedDocument,
    "\n  query MapPartnerCount($filter: PartnerFilter) {\n    partners(filter: $filter, first: 0) {\n      totalCount\n    }\n  }\n": typeof types.MapPartnerCountDocument,
    "\n  query MapCommunityMembers {\n    partnerCommunities {\n      communities(first: 80) {\n        edges {\n          node {\n            id\n            members(first: 100) {\n              edges {\n                node {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.MapCommunityMembersDocument,
    "\n  query MapPartnerIds($filter: PartnerFilter, $after: String) {\n    partners(filter: $filter, first: 100, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MapPartnerIdsDocument,
    "\n  query PartnerProfile($id: ID!) {\n    partner(id: $id) {\n      id\n      name\n      types\n      tier\n      lifecycleStage\n      regions\n      industries\n      website\n      capabilities {\n        id\n        level\n        capability {\n          id\n          name\n          category\n        }\n      }\n      integrations {\n        id\n        name\n      }\n    }\n  }\n": typeof types.PartnerProfileDocument,
    "\n  query PartnerMatchesPanel($id: ID!, $first: Int) {\n    partnerMatches(partnerId: $id, first: $first) {\n      partner {\n        id\n        name\n        types\n        tier\n      }\n      score\n      sharedCustomerCount\n      integrated\n      complementaryCapabilities {\n        id\n        name\n      }\n      reasons\n    }\n  }\n": typeof types.PartnerMatchesPanelDocument,
    "\n  query AccountOverlapPanel($id: ID!, $otherId: ID!) {\n    accountOverlap(partnerId: $id, otherPartnerId: $otherId) {\n      sharedCustomerCount\n      cells {\n        status\n        otherStatus\n        count\n      }\n      customers(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            region\n            industry\n          }\n        }\n      }\n    }\n  }\n": typeof types.AccountOverlapPanelDocument,
    "\n  query PartnerImpactPanel($id: ID!) {\n    partnerImpact(partnerId: $id) {\n      capabilitiesLost {\n        id\n        name\n      }\n      orphanedCustomers {\n        id\n        name\n      }\n      solutionsAffected {\n        id\n        name\n        status\n      }\n      openDealsAffected {\n        id\n        name\n        stage\n        amount {\n          amount\n          currency\n        }\n      }\n      revenueAtRisk {\n        amount\n        currency\n      }\n    }\n  }\n": typeof types.PartnerImpactPanelDocument,
    "\n  query SearchSuggestions($text: String!) {\n    search(text: $text, first: 8) {\n      score\n      node {\n        __typename\n        ... on Partner {\n          id\n          name\n        }\n        ... on Capability {\n          id\n          name\n        }\n        ... on Customer {\n          id\n          name\n        }\n        ... on Solution {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SearchSuggestionsDocument,
    "\n  query AssembleSolutionView($input: AssembleSolutionInput!) {\n    assembleSolution(input: $input) {\n      proposals {\n        partnerCount\n        score\n        reasons\n        partners {\n          partner {\n            id\n            name\n            types\n            tier\n          }\n          covers {\n            id\n            name\n          }\n          suggestedRole\n        }\n      }\n      uncoveredCapabilities {\n        id\n        name\n      }\n      minimumPartnerCount\n      exhaustive\n      timedOut\n      notes\n    }\n  }\n": typeof types.AssembleSolutionViewDocument,
    "\n  mutation SaveSolutionView($input: SaveSolutionInput!) {\n    saveSolution(input: $input) {\n      solution {\n        id\n        name\n        status\n      }\n      errors {\n        path\n        message\n        code\n      }\n    }\n  }\n": typeof types.SaveSolutionViewDocument,
};
const documents: Documents = {
    "\n  query MapCapabilityPage($after: String) {\n    capabilities(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          category\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MapCapabilityPageDocument,
    "\n  query MapFilterOptions {\n    partners(first: 100) {\n      edges {\n        node {\n          id\n          regions\n          industries\n        }\n      }\n    }\n    customers(first: 100) {\n      edges {\n        node {\n          id\n          region\n          industry\n        }\n      }\n    }\n  }\n": types.MapFilterOptionsDocument,
    "\n  query GapAnalysisView($region: String, $industry: String) {\n    gapAnalysis(region: $region, industry: $industry) {\n      capabilities {\n        capability {\n          id\n          name\n          category\n        }\n        customerDemand\n        solutionDemand\n        supply\n        status\n      }\n    }\n  }\n": types.GapAnalysisViewDocument,
    "\n  query CoveringPartners($filter: PartnerFilter) {\n    partners(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          tier\n          lifecycleStage\n        }\n      }\n    }\n  }\n": types.CoveringPartnersDocument,
    "\n  query EcosystemMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edges {\n        id\n        source\n        target\n        kind\n      }\n      truncated\n    }\n  }\n": types.EcosystemMapViewDocument,
    "\n  query CommunityMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edges {\n        id\n        source\n        target\n        kind\n        weight\n      }\n      truncated\n    }\n  }\n": types.CommunityMapViewDocument,
    "\n  subscription MapChanged($input: EcosystemMapInput) {\n    ecosystemMapChanged(input: $input) {\n      reset\n      truncated\n      nodesAdded {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      nodesRemoved\n      nodesReweighted {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edgesAdded {\n        id\n        source\n        target\n        kind\n      }\n      edgesRemoved {\n        id\n        source\n        target\n        kind\n      }\n      edgesReweighted {\n        id\n        source\n        target\n        kind\n      }\n    }\n  }\n": types.MapChangedDocument,
    "\n  query MapPartnerCount($filter: PartnerFilter) {\n    partners(filter: $filter, first: 0) {\n      totalCount\n    }\n  }\n": types.MapPartnerCountDocument,
    "\n  query MapCommunityMembers {\n    partnerCommunities {\n      communities(first: 80) {\n        edges {\n          node {\n            id\n            members(first: 100) {\n              edges {\n                node {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.MapCommunityMembersDocument,
    "\n  query MapPartnerIds($filter: PartnerFilter, $after: String) {\n    partners(filter: $filter, first: 100, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MapPartnerIdsDocument,
    "\n  query PartnerProfile($id: ID!) {\n    partner(id: $id) {\n      id\n      name\n      types\n      tier\n      lifecycleStage\n      regions\n      industries\n      website\n      capabilities {\n        id\n        level\n        capability {\n          id\n          name\n          category\n        }\n      }\n      integrations {\n        id\n        name\n      }\n    }\n  }\n": types.PartnerProfileDocument,
    "\n  query PartnerMatchesPanel($id: ID!, $first: Int) {\n    partnerMatches(partnerId: $id, first: $first) {\n      partner {\n        id\n        name\n        types\n        tier\n      }\n      score\n      sharedCustomerCount\n      integrated\n      complementaryCapabilities {\n        id\n        name\n      }\n      reasons\n    }\n  }\n": types.PartnerMatchesPanelDocument,
    "\n  query AccountOverlapPanel($id: ID!, $otherId: ID!) {\n    accountOverlap(partnerId: $id, otherPartnerId: $otherId) {\n      sharedCustomerCount\n      cells {\n        status\n        otherStatus\n        count\n      }\n      customers(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            region\n            industry\n          }\n        }\n      }\n    }\n  }\n": types.AccountOverlapPanelDocument,
    "\n  query PartnerImpactPanel($id: ID!) {\n    partnerImpact(partnerId: $id) {\n      capabilitiesLost {\n        id\n        name\n      }\n      orphanedCustomers {\n        id\n        name\n      }\n      solutionsAffected {\n        id\n        name\n        status\n      }\n      openDealsAffected {\n        id\n        name\n        stage\n        amount {\n          amount\n          currency\n        }\n      }\n      revenueAtRisk {\n        amount\n        currency\n      }\n    }\n  }\n": types.PartnerImpactPanelDocument,
    "\n  query SearchSuggestions($text: String!) {\n    search(text: $text, first: 8) {\n      score\n      node {\n        __typename\n        ... on Partner {\n          id\n          name\n        }\n        ... on Capability {\n          id\n          name\n        }\n        ... on Customer {\n          id\n          name\n        }\n        ... on Solution {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SearchSuggestionsDocument,
    "\n  query AssembleSolutionView($input: AssembleSolutionInput!) {\n    assembleSolution(input: $input) {\n      proposals {\n        partnerCount\n        score\n        reasons\n        partners {\n          partner {\n            id\n            name\n            types\n            tier\n          }\n          covers {\n            id\n            name\n          }\n          suggestedRole\n        }\n      }\n      uncoveredCapabilities {\n        id\n        name\n      }\n      minimumPartnerCount\n      exhaustive\n      timedOut\n      notes\n    }\n  }\n": types.AssembleSolutionViewDocument,
    "\n  mutation SaveSolutionView($input: SaveSolutionInput!) {\n    saveSolution(input: $input) {\n      solution {\n        id\n        name\n        status\n      }\n      errors {\n        path\n        message\n        code\n      }\n    }\n  }\n": types.SaveSolutionViewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapCapabilityPage($after: String) {\n    capabilities(first: 100, after: $after) {\n      edges {\n        node {\n          id\n          name\n          category\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MapCapabilityPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapFilterOptions {\n    partners(first: 100) {\n      edges {\n        node {\n          id\n          regions\n          industries\n        }\n      }\n    }\n    customers(first: 100) {\n      edges {\n        node {\n          id\n          region\n          industry\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MapFilterOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GapAnalysisView($region: String, $industry: String) {\n    gapAnalysis(region: $region, industry: $industry) {\n      capabilities {\n        capability {\n          id\n          name\n          category\n        }\n        customerDemand\n        solutionDemand\n        supply\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').GapAnalysisViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoveringPartners($filter: PartnerFilter) {\n    partners(filter: $filter, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          tier\n          lifecycleStage\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CoveringPartnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EcosystemMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edges {\n        id\n        source\n        target\n        kind\n      }\n      truncated\n    }\n  }\n"): typeof import('./graphql').EcosystemMapViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommunityMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edges {\n        id\n        source\n        target\n        kind\n        weight\n      }\n      truncated\n    }\n  }\n"): typeof import('./graphql').CommunityMapViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MapChanged($input: EcosystemMapInput) {\n    ecosystemMapChanged(input: $input) {\n      reset\n      truncated\n      nodesAdded {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      nodesRemoved\n      nodesReweighted {\n        id\n        entityId\n        kind\n        label\n        group\n        weight\n      }\n      edgesAdded {\n        id\n        source\n        target\n        kind\n      }\n      edgesRemoved {\n        id\n        source\n        target\n        kind\n      }\n      edgesReweighted {\n        id\n        source\n        target\n        kind\n      }\n    }\n  }\n"): typeof import('./graphql').MapChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapPartnerCount($filter: PartnerFilter) {\n    partners(filter: $filter, first: 0) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql').MapPartnerCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapCommunityMembers {\n    partnerCommunities {\n      communities(first: 80) {\n        edges {\n          node {\n            id\n            members(first: 100) {\n              edges {\n                node {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MapCommunityMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapPartnerIds($filter: PartnerFilter, $after: String) {\n    partners(filter: $filter, first: 100, after: $after) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MapPartnerIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerProfile($id: ID!) {\n    partner(id: $id) {\n      id\n      name\n      types\n      tier\n      lifecycleStage\n      regions\n      industries\n      website\n      capabilities {\n        id\n        level\n        capability {\n          id\n          name\n          category\n        }\n      }\n      integrations {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').PartnerProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerMatchesPanel($id: ID!, $first: Int) {\n    partnerMatches(partnerId: $id, first: $first) {\n      partner {\n        id\n        name\n        types\n        tier\n      }\n      score\n      sharedCustomerCount\n      integrated\n      complementaryCapabilities {\n        id\n        name\n      }\n      reasons\n    }\n  }\n"): typeof import('./graphql').PartnerMatchesPanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountOverlapPanel($id: ID!, $otherId: ID!) {\n    accountOverlap(partnerId: $id, otherPartnerId: $otherId) {\n      sharedCustomerCount\n      cells {\n        status\n        otherStatus\n        count\n      }\n      customers(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            region\n            industry\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AccountOverlapPanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerImpactPanel($id: ID!) {\n    partnerImpact(partnerId: $id) {\n      capabilitiesLost {\n        id\n        name\n      }\n      orphanedCustomers {\n        id\n        name\n      }\n      solutionsAffected {\n        id\n        name\n        status\n      }\n      openDealsAffected {\n        id\n        name\n        stage\n        amount {\n          amount\n          currency\n        }\n      }\n      revenueAtRisk {\n        amount\n        currency\n      }\n    }\n  }\n"): typeof import('./graphql').PartnerImpactPanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchSuggestions($text: String!) {\n    search(text: $text, first: 8) {\n      score\n      node {\n        __typename\n        ... on Partner {\n          id\n          name\n        }\n        ... on Capability {\n          id\n          name\n        }\n        ... on Customer {\n          id\n          name\n        }\n        ... on Solution {\n          id\n          name\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssembleSolutionView($input: AssembleSolutionInput!) {\n    assembleSolution(input: $input) {\n      proposals {\n        partnerCount\n        score\n        reasons\n        partners {\n          partner {\n            id\n            name\n            types\n            tier\n          }\n          covers {\n            id\n            name\n          }\n          suggestedRole\n        }\n      }\n      uncoveredCapabilities {\n        id\n        name\n      }\n      minimumPartnerCount\n      exhaustive\n      timedOut\n      notes\n    }\n  }\n"): typeof import('./graphql').AssembleSolutionViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSolutionView($input: SaveSolutionInput!) {\n    saveSolution(input: $input) {\n      solution {\n        id\n        name\n        status\n      }\n      errors {\n        path\n        message\n        code\n      }\n    }\n  }\n"): typeof import('./graphql').SaveSolutionViewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
