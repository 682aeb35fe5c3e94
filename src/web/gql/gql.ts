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
    "\n  query MapCapabilityPage($after: String) {\n    capabilities(first: 100, after: $after) {\n      edges { node { id name category } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MapCapabilityPageDocument,
    "\n  query MapFilterOptions {\n    partners(first: 100) { edges { node { id regions industries } } }\n    customers(first: 100) { edges { node { id region industry } } }\n  }\n": typeof types.MapFilterOptionsDocument,
    "\n  query GapAnalysisView($region: String, $industry: String) {\n    gapAnalysis(region: $region, industry: $industry) {\n      capabilities {\n        capability { id name category }\n        customerDemand solutionDemand supply status\n      }\n    }\n  }\n": typeof types.GapAnalysisViewDocument,
    "\n  query CoveringPartners($filter: PartnerFilter) {\n    partners(filter: $filter, first: 50) {\n      totalCount\n      edges { node { id name tier lifecycleStage } }\n    }\n  }\n": typeof types.CoveringPartnersDocument,
    "\n  query EcosystemMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes { id kind label group weight }\n      edges { source target kind }\n      truncated\n    }\n  }\n": typeof types.EcosystemMapViewDocument,
    "\n  query MapPartnerIds($filter: PartnerFilter, $after: String) {\n    partners(filter: $filter, first: 100, after: $after) {\n      edges { node { id } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MapPartnerIdsDocument,
    "\n  query PartnerProfile($id: ID!) {\n    partner(id: $id) {\n      id name types tier lifecycleStage regions industries website\n      capabilities { level capability { id name category } }\n      integrations { id name }\n    }\n  }\n": typeof types.PartnerProfileDocument,
    "\n  query PartnerMatchesPanel($id: ID!, $first: Int) {\n    partnerMatches(partnerId: $id, first: $first) {\n      partner { id name types tier }\n      score sharedCustomerCount integrated\n      complementaryCapabilities { id name }\n      reasons\n    }\n  }\n": typeof types.PartnerMatchesPanelDocument,
    "\n  query AccountOverlapPanel($id: ID!, $otherId: ID!) {\n    accountOverlap(partnerId: $id, otherPartnerId: $otherId) {\n      sharedCustomerCount\n      cells { status otherStatus count }\n      customers(first: 20) { totalCount edges { node { id name region industry } } }\n    }\n  }\n": typeof types.AccountOverlapPanelDocument,
    "\n  query PartnerImpactPanel($id: ID!) {\n    partnerImpact(partnerId: $id) {\n      capabilitiesLost { id name }\n      orphanedCustomers { id name }\n      solutionsAffected { id name status }\n      openDealsAffected { id name stage amount { amount currency } }\n      revenueAtRisk { amount currency }\n    }\n  }\n": typeof types.PartnerImpactPanelDocument,
    "\n  query SearchSuggestions($text: String!) {\n    search(text: $text, first: 8) {\n      score\n      node {\n        __typename\n        ... on Partner { id name }\n        ... on Capability { id name }\n        ... on Customer { id name }\n        ... on Solution { id name }\n      }\n    }\n  }\n": typeof types.SearchSuggestionsDocument,
    "\n  query AssembleSolutionView($input: AssembleSolutionInput!) {\n    assembleSolution(input: $input) {\n      proposals {\n        partnerCount score reasons\n        partners { partner { id name types tier } covers { id name } suggestedRole }\n      }\n      uncoveredCapabilities { id name }\n      minimumPartnerCount exhaustive timedOut notes\n    }\n  }\n": typeof types.AssembleSolutionViewDocument,
    "\n  mutation SaveSolutionView($input: SaveSolutionInput!) {\n    saveSolution(input: $input) {\n      solution { id name status }\n      errors { path message code }\n    }\n  }\n": typeof types.SaveSolutionViewDocument,
};
const documents: Documents = {
    "\n  query MapCapabilityPage($after: String) {\n    capabilities(first: 100, after: $after) {\n      edges { node { id name category } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MapCapabilityPageDocument,
    "\n  query MapFilterOptions {\n    partners(first: 100) { edges { node { id regions industries } } }\n    customers(first: 100) { edges { node { id region industry } } }\n  }\n": types.MapFilterOptionsDocument,
    "\n  query GapAnalysisView($region: String, $industry: String) {\n    gapAnalysis(region: $region, industry: $industry) {\n      capabilities {\n        capability { id name category }\n        customerDemand solutionDemand supply status\n      }\n    }\n  }\n": types.GapAnalysisViewDocument,
    "\n  query CoveringPartners($filter: PartnerFilter) {\n    partners(filter: $filter, first: 50) {\n      totalCount\n      edges { node { id name tier lifecycleStage } }\n    }\n  }\n": types.CoveringPartnersDocument,
    "\n  query EcosystemMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes { id kind label group weight }\n      edges { source target kind }\n      truncated\n    }\n  }\n": types.EcosystemMapViewDocument,
    "\n  query MapPartnerIds($filter: PartnerFilter, $after: String) {\n    partners(filter: $filter, first: 100, after: $after) {\n      edges { node { id } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MapPartnerIdsDocument,
    "\n  query PartnerProfile($id: ID!) {\n    partner(id: $id) {\n      id name types tier lifecycleStage regions industries website\n      capabilities { level capability { id name category } }\n      integrations { id name }\n    }\n  }\n": types.PartnerProfileDocument,
    "\n  query PartnerMatchesPanel($id: ID!, $first: Int) {\n    partnerMatches(partnerId: $id, first: $first) {\n      partner { id name types tier }\n      score sharedCustomerCount integrated\n      complementaryCapabilities { id name }\n      reasons\n    }\n  }\n": types.PartnerMatchesPanelDocument,
    "\n  query AccountOverlapPanel($id: ID!, $otherId: ID!) {\n    accountOverlap(partnerId: $id, otherPartnerId: $otherId) {\n      sharedCustomerCount\n      cells { status otherStatus count }\n      customers(first: 20) { totalCount edges { node { id name region industry } } }\n    }\n  }\n": types.AccountOverlapPanelDocument,
    "\n  query PartnerImpactPanel($id: ID!) {\n    partnerImpact(partnerId: $id) {\n      capabilitiesLost { id name }\n      orphanedCustomers { id name }\n      solutionsAffected { id name status }\n      openDealsAffected { id name stage amount { amount currency } }\n      revenueAtRisk { amount currency }\n    }\n  }\n": types.PartnerImpactPanelDocument,
    "\n  query SearchSuggestions($text: String!) {\n    search(text: $text, first: 8) {\n      score\n      node {\n        __typename\n        ... on Partner { id name }\n        ... on Capability { id name }\n        ... on Customer { id name }\n        ... on Solution { id name }\n      }\n    }\n  }\n": types.SearchSuggestionsDocument,
    "\n  query AssembleSolutionView($input: AssembleSolutionInput!) {\n    assembleSolution(input: $input) {\n      proposals {\n        partnerCount score reasons\n        partners { partner { id name types tier } covers { id name } suggestedRole }\n      }\n      uncoveredCapabilities { id name }\n      minimumPartnerCount exhaustive timedOut notes\n    }\n  }\n": types.AssembleSolutionViewDocument,
    "\n  mutation SaveSolutionView($input: SaveSolutionInput!) {\n    saveSolution(input: $input) {\n      solution { id name status }\n      errors { path message code }\n    }\n  }\n": types.SaveSolutionViewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapCapabilityPage($after: String) {\n    capabilities(first: 100, after: $after) {\n      edges { node { id name category } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').MapCapabilityPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapFilterOptions {\n    partners(first: 100) { edges { node { id regions industries } } }\n    customers(first: 100) { edges { node { id region industry } } }\n  }\n"): typeof import('./graphql').MapFilterOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GapAnalysisView($region: String, $industry: String) {\n    gapAnalysis(region: $region, industry: $industry) {\n      capabilities {\n        capability { id name category }\n        customerDemand solutionDemand supply status\n      }\n    }\n  }\n"): typeof import('./graphql').GapAnalysisViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoveringPartners($filter: PartnerFilter) {\n    partners(filter: $filter, first: 50) {\n      totalCount\n      edges { node { id name tier lifecycleStage } }\n    }\n  }\n"): typeof import('./graphql').CoveringPartnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EcosystemMapView($input: EcosystemMapInput) {\n    ecosystemMap(input: $input) {\n      nodes { id kind label group weight }\n      edges { source target kind }\n      truncated\n    }\n  }\n"): typeof import('./graphql').EcosystemMapViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MapPartnerIds($filter: PartnerFilter, $after: String) {\n    partners(filter: $filter, first: 100, after: $after) {\n      edges { node { id } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').MapPartnerIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerProfile($id: ID!) {\n    partner(id: $id) {\n      id name types tier lifecycleStage regions industries website\n      capabilities { level capability { id name category } }\n      integrations { id name }\n    }\n  }\n"): typeof import('./graphql').PartnerProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerMatchesPanel($id: ID!, $first: Int) {\n    partnerMatches(partnerId: $id, first: $first) {\n      partner { id name types tier }\n      score sharedCustomerCount integrated\n      complementaryCapabilities { id name }\n      reasons\n    }\n  }\n"): typeof import('./graphql').PartnerMatchesPanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountOverlapPanel($id: ID!, $otherId: ID!) {\n    accountOverlap(partnerId: $id, otherPartnerId: $otherId) {\n      sharedCustomerCount\n      cells { status otherStatus count }\n      customers(first: 20) { totalCount edges { node { id name region industry } } }\n    }\n  }\n"): typeof import('./graphql').AccountOverlapPanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerImpactPanel($id: ID!) {\n    partnerImpact(partnerId: $id) {\n      capabilitiesLost { id name }\n      orphanedCustomers { id name }\n      solutionsAffected { id name status }\n      openDealsAffected { id name stage amount { amount currency } }\n      revenueAtRisk { amount currency }\n    }\n  }\n"): typeof import('./graphql').PartnerImpactPanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchSuggestions($text: String!) {\n    search(text: $text, first: 8) {\n      score\n      node {\n        __typename\n        ... on Partner { id name }\n        ... on Capability { id name }\n        ... on Customer { id name }\n        ... on Solution { id name }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssembleSolutionView($input: AssembleSolutionInput!) {\n    assembleSolution(input: $input) {\n      proposals {\n        partnerCount score reasons\n        partners { partner { id name types tier } covers { id name } suggestedRole }\n      }\n      uncoveredCapabilities { id name }\n      minimumPartnerCount exhaustive timedOut notes\n    }\n  }\n"): typeof import('./graphql').AssembleSolutionViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSolutionView($input: SaveSolutionInput!) {\n    saveSolution(input: $input) {\n      solution { id name status }\n      errors { path message code }\n    }\n  }\n"): typeof import('./graphql').SaveSolutionViewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
