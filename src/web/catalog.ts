// What the filters and the solution builder offer: the capability taxonomy, and the regions and
// industries in use. There is no facet query, so regions and industries are gathered from a
// sample of partners and customers (codes are few; a code outside the sample can still be typed).
import { execute } from './api';
import { graphql } from './gql';
import type { MapCapabilityPageQuery } from './gql/graphql';

const ACRONYMS = new Set(['MSP', 'NA', 'EMEA', 'APAC', 'LATAM', 'IT', 'OT']);

/** "STRATEGIC_ALLIANCE" → "Strategic alliance"; acronyms stay as they are ("MSP"). */
export function humanise(code: string): string {
  if (ACRONYMS.has(code)) return code;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const CapabilityPage = graphql(`
  query MapCapabilityPage($after: String) {
    capabilities(first: 100, after: $after) {
      edges {
        node {
          id
          name
          category
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const FilterOptions = graphql(`
  query MapFilterOptions {
    partners(first: 100) {
      edges {
        node {
          id
          regions
          industries
        }
      }
    }
    customers(first: 100) {
      edges {
        node {
          id
          region
          industry
        }
      }
    }
  }
`);

export interface CapabilityOption {
  id: string;
  name: string;
  category: string | null;
}

export interface Catalog {
  capabilities: CapabilityOption[];
  regions: string[];
  industries: string[];
}

/** At most this many capability pages (of 100) are read for the pickers. */
const MAX_CAPABILITY_PAGES = 20;

async function loadCapabilities(): Promise<CapabilityOption[]> {
  const all: CapabilityOption[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_CAPABILITY_PAGES; page++) {
    const { capabilities }: MapCapabilityPageQuery = await execute(CapabilityPage, { after });
    for (const { node } of capabilities.edges) all.push({ id: node.id, name: node.name, category: node.category ?? null });
    if (!capabilities.pageInfo.hasNextPage) break;
    after = capabilities.pageInfo.endCursor ?? null;
  }
  return all.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

async function loadCodes(): Promise<{ regions: string[]; industries: string[] }> {
  const { partners, customers } = await execute(FilterOptions);
  const regions = new Set<string>();
  const industries = new Set<string>();
  for (const { node } of partners.edges) {
    node.regions.forEach((r) => regions.add(r));
    node.industries.forEach((i) => industries.add(i));
  }
  for (const { node } of customers.edges) {
    if (node.region) regions.add(node.region);
    if (node.industry) industries.add(node.industry);
  }
  return { regions: [...regions].sort(), industries: [...industries].sort() };
}

let loaded: Promise<Catalog> | undefined;

/** Loaded once per page; a failed load is retried on the next call. */
export function loadCatalog(): Promise<Catalog> {
  loaded ??= Promise.all([loadCapabilities(), loadCodes()]).then(([capabilities, codes]) => ({ capabilities, ...codes }));
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
