// Deterministic generator of large partner ecosystems in the interchange format (version 1).
// The same options and seed always give the same document, byte for byte: every random choice
// comes from a small seeded PRNG, never Math.random or the clock.
//
// Shapes aim at what real ecosystems look like: account counts per partner are heavy-tailed
// (Pareto: a few partners know thousands of customers, most know a handful), some partners play
// several roles, capabilities and customer needs follow a popularity skew (so some capabilities
// are in heavy demand and some are held by no one), and deals span years with a sourcing partner,
// co-sellers that know the same customer, marketplaces and distributors.
//
// Memory: the relationships that other sections depend on (partner types, stages, regions,
// accounts, integrations) are kept in typed arrays; entities are built one at a time from their
// own PRNG stream, so `ecosystemRecords` / `writeEcosystemJson` stream even the xl preset.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  type AccountRecord,
  type CapabilityRecord,
  type CustomerRecord,
  type DealRecord,
  type EcosystemDocument,
  type ParticipantRecord,
  type PartnerRecord,
  type SolutionRecord,
} from '../src/interchange/format.js';
import { ACCOUNT_STATUSES, OPEN_DEAL_STAGES, PARTNER_TIERS, PARTNER_TYPES } from '../src/model/vocabulary.js';
import { formatMinor } from '../src/money/money.js';

export interface GeneratorOptions {
  partners: number;
  customers: number;
  /** Mean accounts per partner; the real counts are heavy-tailed around it. Default 50. */
  accountsPerPartner?: number;
  solutions: number;
  deals: number;
  capabilities: number;
  seed: number;
}

export const PRESETS = {
  small: { partners: 200, customers: 2_000, accountsPerPartner: 25, solutions: 20, deals: 1_000, capabilities: 120, seed: 1 },
  medium: { partners: 2_000, customers: 20_000, accountsPerPartner: 50, solutions: 200, deals: 10_000, capabilities: 250, seed: 1 },
  large: { partners: 20_000, customers: 200_000, accountsPerPartner: 50, solutions: 2_000, deals: 100_000, capabilities: 300, seed: 1 },
  xl: { partners: 100_000, customers: 1_000_000, accountsPerPartner: 50, solutions: 5_000, deals: 500_000, capabilities: 400, seed: 1 },
} as const satisfies Record<string, Required<GeneratorOptions>>;

export type PresetName = keyof typeof PRESETS;

// ---- Randomness ----

/** mulberry32: a 32-bit state PRNG, good enough for test data and tiny. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of the seed, a stream name and an index: each entity gets its own stream. */
function streamSeed(seed: number, stream: string, index = 0): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /** Index in [0, n) skewed towards 0: index 0 is the most popular. */
  skewed(n: number, power = 2.2): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** power));
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }
  /** Pareto(alpha) with minimum 1: the heavy tail of account counts. */
  pareto(alpha: number): number {
    return (1 - this.next()) ** (-1 / alpha);
  }
}

// ---- Vocabulary ----

export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
export const INDUSTRIES = ['FINANCE', 'HEALTHCARE', 'RETAIL', 'MANUFACTURING', 'PUBLIC_SECTOR', 'TECHNOLOGY', 'ENERGY'] as const;
const REGION_WEIGHTS = [
  ['NA', 40],
  ['EMEA', 32],
  ['APAC', 18],
  ['LATAM', 10],
] as const;
const SEGMENT_WEIGHTS = [
  ['SMB', 55],
  ['MID_MARKET', 30],
  ['ENTERPRISE', 15],
] as const;

const SYLLABLES = [
  'ar',
  'bel',
  'cor',
  'dan',
  'el',
  'fen',
  'gal',
  'hal',
  'ith',
  'jor',
  'kel',
  'lum',
  'mar',
  'nor',
  'or',
  'pel',
  'quin',
  'ros',
  'sil',
  'tor',
  'ul',
  'ven',
  'wyn',
  'xan',
  'yar',
  'zel',
  'bra',
  'cre',
  'dro',
  'fla',
  'gri',
  'kra',
  'lin',
  'mo',
  'nex',
  'pra',
  'sta',
  'tri',
  'vo',
  'zen',
];
const PARTNER_SUFFIX: Record<string, readonly string[]> = {
  TECHNOLOGY: ['Labs', 'Software', 'Security', 'Networks', 'Data'],
  RESELLER: ['Systems', 'IT', 'Solutions', 'Technologies', 'Direct'],
  DISTRIBUTOR: ['Distribution', 'Supply', 'Channel Group'],
  SERVICES: ['Consulting', 'Partners', 'Advisory', 'Digital', 'Integrators'],
  MSP: ['Managed Services', 'Managed Security', 'Cloud Ops'],
  REFERRAL: ['Connect', 'Ventures', 'Associates'],
  INFLUENCER: ['Research', 'Insights', 'Analysts'],
  HYPERSCALER: ['Cloud', 'Compute', 'Cloud Platform'],
  TRAINING: ['Academy', 'Learning', 'Institute'],
  STRATEGIC_ALLIANCE: ['Group', 'Global', 'Holdings'],
};
const CUSTOMER_SUFFIX: Record<string, readonly string[]> = {
  FINANCE: ['Bank', 'Capital', 'Insurance', 'Credit Union', 'Payments'],
  HEALTHCARE: ['Health', 'Medical', 'Clinics', 'Pharma', 'Care'],
  RETAIL: ['Retail', 'Markets', 'Stores', 'Outfitters', 'Foods'],
  MANUFACTURING: ['Manufacturing', 'Industries', 'Motors', 'Metals', 'Logistics'],
  PUBLIC_SECTOR: ['County', 'City Council', 'Agency', 'University', 'Transit'],
  TECHNOLOGY: ['Software', 'Tech', 'Telecom', 'Cloudworks', 'Media'],
  ENERGY: ['Energy', 'Power', 'Utilities', 'Petroleum', 'Grid'],
};

/** Capability families: a root, its children, and the qualifiers that make grandchildren. */
const TAXONOMY: readonly { root: string; category: string; children: readonly string[]; qualifiers: readonly string[] }[] = [
  {
    root: 'Security',
    category: 'Security',
    children: [
      'Endpoint protection',
      'SIEM',
      'Identity & access',
      'Cloud security posture',
      'Email security',
      'Zero trust network access',
      'Data loss prevention',
      'OT/ICS security',
      'Vulnerability management',
      'Web application firewall',
      'Privileged access',
      'Mobile security',
    ],
    qualifiers: [
      'for Windows',
      'for Linux',
      'for macOS',
      'for containers',
      'for OT networks',
      'for SaaS',
      'for multicloud',
      'for branch offices',
      'at the edge',
      'for remote workers',
    ],
  },
  {
    root: 'Cloud & infrastructure',
    category: 'Cloud & infrastructure',
    children: [
      'Cloud hosting',
      'Marketplace billing',
      'Kubernetes',
      'Network & SD-WAN',
      'Backup & recovery',
      'Storage',
      'Serverless',
      'Edge computing',
    ],
    qualifiers: ['in NA regions', 'in EMEA regions', 'in APAC regions', 'in LATAM regions', 'sovereign', 'hybrid', 'private'],
  },
  {
    root: 'Services',
    category: 'Services',
    children: [
      'Implementation',
      'Managed detection & response',
      'Migration',
      'Training',
      'Compliance advisory',
      'Incident response',
      'Penetration testing',
      'Architecture review',
      'Support',
    ],
    qualifiers: [
      'for finance',
      'for healthcare',
      'for retail',
      'for manufacturing',
      'for public sector',
      'for energy',
      'for SMB',
      'for enterprise',
      'HIPAA',
      'PCI DSS',
      'FedRAMP',
      'GDPR',
      'ISO 27001',
    ],
  },
  {
    root: 'Data',
    category: 'Data',
    children: ['Data lake', 'Analytics', 'Threat intelligence', 'Data governance', 'Machine learning'],
    qualifiers: ['streaming', 'batch', 'real-time', 'archival', 'federated'],
  },
  {
    root: 'Networking',
    category: 'Networking',
    children: ['Firewalls', 'Secure web gateway', 'DNS security', 'DDoS protection'],
    qualifiers: ['virtual', 'appliance', 'cloud-delivered'],
  },
  {
    root: 'Collaboration',
    category: 'Collaboration',
    children: ['Secure messaging', 'File sharing', 'Video conferencing'],
    qualifiers: ['regulated', 'external', 'encrypted'],
  },
];

/** Which capability families a partner type tends to hold (indexes into TAXONOMY). */
const TYPE_FAMILIES: Record<string, readonly number[]> = {
  TECHNOLOGY: [0, 3, 4, 5],
  RESELLER: [0, 2, 4],
  DISTRIBUTOR: [1, 2],
  SERVICES: [2, 0],
  MSP: [2, 0, 1],
  REFERRAL: [2],
  INFLUENCER: [2, 3],
  HYPERSCALER: [1, 3],
  TRAINING: [2],
  STRATEGIC_ALLIANCE: [2, 1],
};

const DEAL_ROLE_OF: Record<string, ParticipantRecord['role']> = {
  TECHNOLOGY: 'TECHNOLOGY',
  RESELLER: 'RESELLER',
  DISTRIBUTOR: 'DISTRIBUTOR',
  SERVICES: 'SERVICES',
  MSP: 'RESELLER',
  REFERRAL: 'REFERRAL',
  INFLUENCER: 'INFLUENCER',
  HYPERSCALER: 'MARKETPLACE',
  TRAINING: 'SERVICES',
  STRATEGIC_ALLIANCE: 'SERVICES',
};

const PRIMARY_TYPE_WEIGHTS = [
  ['RESELLER', 34],
  ['SERVICES', 18],
  ['TECHNOLOGY', 20],
  ['MSP', 10],
  ['REFERRAL', 8],
  ['INFLUENCER', 2],
  ['DISTRIBUTOR', 1.5],
  ['TRAINING', 2],
] as const;
/** Second roles that occur together in practice. */
const SECOND_TYPE: Record<string, readonly PartnerRecord['types'][number][]> = {
  RESELLER: ['SERVICES', 'MSP'],
  SERVICES: ['RESELLER', 'STRATEGIC_ALLIANCE', 'TRAINING'],
  TECHNOLOGY: ['SERVICES'],
  MSP: ['RESELLER'],
  REFERRAL: ['INFLUENCER'],
  INFLUENCER: ['REFERRAL'],
  DISTRIBUTOR: ['TRAINING'],
  TRAINING: ['SERVICES'],
};
const LIFECYCLE_WEIGHTS = [
  ['ACTIVE', 78],
  ['PROSPECT', 5],
  ['ONBOARDING', 6],
  ['DORMANT', 8],
  ['OFFBOARDED', 3],
] as const;
const CURRENCIES: Record<string, readonly (readonly [string, number])[]> = {
  NA: [
    ['USD', 95],
    ['EUR', 5],
  ],
  EMEA: [
    ['EUR', 60],
    ['GBP', 25],
    ['USD', 15],
  ],
  APAC: [
    ['USD', 70],
    ['JPY', 20],
    ['AUD', 10],
  ],
  LATAM: [
    ['USD', 85],
    ['BRL', 15],
  ],
};
/** Rough value of one unit in USD, to keep amounts comparable across currencies. */
const USD_PER_UNIT: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27, JPY: 0.0067, AUD: 0.66, BRL: 0.19 };
const SEGMENT_DEAL_USD: Record<string, number> = { SMB: 15_000, MID_MARKET: 60_000, ENTERPRISE: 250_000 };

// Deals are created between these instants; fixed so the output never depends on the clock.
const DEALS_FROM = Date.UTC(2023, 0, 1);
/** Partner histories (README "Time"): active partners are onboarded from here, before the first deals. */
const HISTORY_FROM = Date.UTC(2021, 0, 4);
/** Churned partners go DORMANT from here. */
const CHURN_FROM = Date.UTC(2024, 3, 1);
/** Prospects and onboarding partners start from here. */
const HISTORY_RECENT = Date.UTC(2026, 0, 5);
/** Accounts hold from here on (some 4.6 years). */
const ACCOUNTS_FROM = Date.UTC(2022, 0, 3);
/** No history entry after this (a document's dates may not lie in the future). */
const HISTORY_UNTIL = Date.UTC(2026, 9, 31);
const iso = (ms: number): string => new Date(ms).toISOString();
/** The same instant for both sides of an integration: onboarded partners integrate from 2022 on. */
function pairInstant(seed: number, a: string, b: string): number {
  const [low, high] = a < b ? [a, b] : [b, a];
  return Date.UTC(2022, 0, 3) + (streamSeed(seed, `${low}\u0000${high}`) % 1400) * 86_400_000;
}
const DEALS_UNTIL = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;

function word(rng: Random, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += rng.pick(SYLLABLES);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

function bitsOf(mask: number, names: readonly string[]): string[] {
  return names.filter((_, i) => mask & (1 << i));
}

// ---- The model: what other sections depend on, kept compact ----

interface CapabilityNode {
  record: CapabilityRecord;
  family: number;
}

/** The generated ecosystem; its records are built on demand, section by section. */
export class GeneratedEcosystem {
  readonly options: Required<GeneratorOptions>;
  readonly capabilityNodes: CapabilityNode[];
  /** Capability indexes of each family, most popular first. */
  private readonly familyCaps: number[][];
  private readonly partnerTypes: Uint16Array;
  private readonly partnerStage: Uint8Array;
  private readonly partnerRegions: Uint8Array;
  private readonly partnerIds: string[];
  private readonly customerRegion: Uint8Array;
  private readonly customerIds: string[];
  private readonly hyperscalers: number[];
  private readonly distributors: number[];
  private readonly integrations: Map<number, number[]>;
  /** Accounts as parallel arrays, grouped by partner in partner order. */
  readonly accountPartner: Int32Array;
  readonly accountCustomer: Int32Array;
  private readonly accountStatus: Uint8Array;
  /** Accounts by customer (CSR): accountsOfCustomer[offset[c] .. offset[c+1]) are account indexes. */
  private readonly customerOffset: Int32Array;
  private readonly accountsOfCustomer: Int32Array;

  constructor(options: GeneratorOptions) {
    this.options = { accountsPerPartner: 50, ...options };
    const o = this.options;
    for (const [k, v] of Object.entries(o)) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a non-negative integer (got ${v})`);
    }
    if (o.capabilities < TAXONOMY.length) throw new RangeError(`capabilities must be at least ${TAXONOMY.length}`);
    if (o.partners < 1 || o.customers < 1) throw new RangeError('partners and customers must be at least 1');
    this.capabilityNodes = buildTaxonomy(o.capabilities, new Random(streamSeed(o.seed, 'taxonomy')));
    this.familyCaps = TAXONOMY.map((_, f) => {
      const caps = this.capabilityNodes.flatMap((n, i) => (n.family === f && n.record.parentId ? [i] : []));
      // Popularity order is a seeded shuffle, so the most wanted capability is not always the first child.
      return shuffle(caps, new Random(streamSeed(o.seed, 'popularity', f)));
    });

    this.partnerTypes = new Uint16Array(o.partners);
    this.partnerStage = new Uint8Array(o.partners);
    this.partnerRegions = new Uint8Array(o.partners);
    this.partnerIds = new Array<string>(o.partners);
    this.hyperscalers = [];
    this.distributors = [];
    const hyperscalerCount = Math.min(o.partners, Math.max(1, Math.min(8, Math.round(o.partners / 2500) + 2)));
    for (let i = 0; i < o.partners; i++) {
      const rng = new Random(streamSeed(o.seed, 'partner-core', i));
      const types = i < hyperscalerCount ? ['HYPERSCALER', 'TECHNOLOGY'] : this.drawTypes(rng);
      this.partnerTypes[i] = types.reduce((m, t) => m | (1 << PARTNER_TYPES.indexOf(t as PartnerRecord['types'][number])), 0);
      this.partnerStage[i] = i < hyperscalerCount ? 0 : LIFECYCLE_ORDER.indexOf(rng.weighted(LIFECYCLE_WEIGHTS));
      this.partnerRegions[i] = i < hyperscalerCount ? 0b1111 : drawRegionMask(rng);
      this.partnerIds[i] = `p.${slug(partnerName(this.options.seed, i, types))}-${i.toString(36)}`;
      if (types.includes('HYPERSCALER')) this.hyperscalers.push(i);
      if (types.includes('DISTRIBUTOR')) this.distributors.push(i);
    }
    this.integrations = this.drawIntegrations();

    this.customerRegion = new Uint8Array(o.customers);
    this.customerIds = new Array<string>(o.customers);
    for (let c = 0; c < o.customers; c++) {
      const rng = new Random(streamSeed(o.seed, 'customer', c));
      this.customerRegion[c] = REGIONS.indexOf(rng.weighted(REGION_WEIGHTS));
      this.customerIds[c] = `c.${slug(customerName(rng, rng.pick(INDUSTRIES)))}-${c.toString(36)}`;
    }

    const accounts = this.drawAccounts();
    this.accountPartner = accounts.partner;
    this.accountCustomer = accounts.customer;
    this.accountStatus = accounts.status;
    const byCustomer = groupByCustomer(this.accountCustomer, o.customers);
    this.customerOffset = byCustomer.offset;
    this.accountsOfCustomer = byCustomer.accounts;
  }

  get accountCount(): number {
    return this.accountPartner.length;
  }

  private drawTypes(rng: Random): string[] {
    const primary = rng.weighted(PRIMARY_TYPE_WEIGHTS);
    const types: string[] = [primary];
    const second = SECOND_TYPE[primary];
    if (second && rng.chance(0.15)) types.push(rng.pick(second));
    if (rng.chance(0.01) && !types.includes('STRATEGIC_ALLIANCE')) types.push('STRATEGIC_ALLIANCE');
    return types;
  }

  private hasType(i: number, type: string): boolean {
    return (this.partnerTypes[i]! & (1 << PARTNER_TYPES.indexOf(type as PartnerRecord['types'][number]))) !== 0;
  }

  /** Technology partners integrate with a few others, preferring the popular (low-index) ones. */
  private drawIntegrations(): Map<number, number[]> {
    const rng = new Random(streamSeed(this.options.seed, 'integrations'));
    const tech: number[] = [];
    for (let i = 0; i < this.options.partners; i++) if (this.hasType(i, 'TECHNOLOGY')) tech.push(i);
    const links = new Map<number, Set<number>>();
    const link = (a: number, b: number) => {
      if (a === b) return;
      (links.get(a) ?? links.set(a, new Set()).get(a)!).add(b);
      (links.get(b) ?? links.set(b, new Set()).get(b)!).add(a);
    };
    for (const a of tech) {
      const count = Math.min(tech.length - 1, Math.floor(rng.pareto(1.5)) - 1);
      for (let k = 0; k < count; k++) link(a, tech[rng.skewed(tech.length, 2)]!);
    }
    const sorted = new Map<number, number[]>();
    for (const [a, set] of links) sorted.set(a, [...set]);
    return sorted;
  }

  /** Heavy-tailed account counts (Pareto), customers mostly from the partner's own regions. */
  private drawAccounts(): { partner: Int32Array; customer: Int32Array; status: Uint8Array } {
    const o = this.options;
    const rng = new Random(streamSeed(o.seed, 'accounts'));
    const cap = Math.max(1, Math.floor(o.customers / 3));
    const raw = new Float64Array(o.partners);
    const floor = new Uint8Array(o.partners);
    for (let i = 0; i < o.partners; i++) {
      const boost = this.hasType(i, 'HYPERSCALER') ? 40 : this.hasType(i, 'DISTRIBUTOR') ? 8 : 1;
      const prospect = LIFECYCLE_ORDER[this.partnerStage[i]!] === 'PROSPECT';
      raw[i] = rng.pareto(1.15) * boost * (prospect ? 0.2 : 1);
      floor[i] = prospect ? 0 : 1; // a prospect may know no one yet
    }
    // Scale the raw draws so the total lands near partners × accountsPerPartner despite the clamps.
    const target = o.partners * o.accountsPerPartner;
    const degree = new Int32Array(o.partners);
    let scale = target / raw.reduce((s, r) => s + r, 0);
    let total = 0;
    for (let round = 0; round < 4; round++) {
      total = 0;
      for (let i = 0; i < o.partners; i++) {
        degree[i] = Math.min(cap, Math.max(floor[i]!, Math.round(raw[i]! * scale)));
        total += degree[i]!;
      }
      if (total === 0 || Math.abs(total - target) < target * 0.01) break;
      scale *= target / total;
    }
    const regionPools = REGIONS.map((_, r) => {
      const pool: number[] = [];
      for (let c = 0; c < o.customers; c++) if (this.customerRegion[c] === r) pool.push(c);
      return Int32Array.from(pool);
    });
    const partner = new Int32Array(total);
    const customer = new Int32Array(total);
    const status = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < o.partners; i++) {
      const d = degree[i]!;
      const pools = regionPools.filter((p, r) => this.partnerRegions[i]! & (1 << r) && p.length > 0);
      const local = pools.reduce((s, p) => s + p.length, 0);
      const chosen = new Set<number>();
      // Rejection sampling stays cheap because a partner never wants more than a third of all customers.
      while (chosen.size < d) {
        let c: number;
        if (local > d * 2 && rng.chance(0.85)) {
          const pool = pools[rng.int(pools.length)]!;
          c = pool[rng.skewed(pool.length, 1.6)]!;
        } else {
          c = rng.skewed(o.customers, 1.3);
        }
        chosen.add(c);
      }
      for (const c of [...chosen].sort((a, b) => a - b)) {
        partner[at] = i;
        customer[at] = c;
        status[at] = rng.weighted(ACCOUNT_STATUS_WEIGHTS);
        at++;
      }
    }
    return { partner, customer, status };
  }

  // ---- Sections ----

  *capabilities(): Generator<CapabilityRecord> {
    for (const node of this.capabilityNodes) yield node.record;
  }

  *partners(): Generator<PartnerRecord> {
    for (let i = 0; i < this.options.partners; i++) yield this.partner(i);
  }

  partner(i: number): PartnerRecord {
    const o = this.options;
    const rng = new Random(streamSeed(o.seed, 'partner', i));
    const types = bitsOf(this.partnerTypes[i]!, PARTNER_TYPES) as PartnerRecord['types'];
    const name = partnerName(o.seed, i, types);
    const stage = LIFECYCLE_ORDER[this.partnerStage[i]!]!;
    const hyperscaler = types.includes('HYPERSCALER');
    const tier = hyperscaler ? 'PLATINUM' : PARTNER_TIERS[Math.min(3, Math.floor(rng.pareto(1.6)) - 1)]!;
    const capabilities = new Map<string, PartnerRecord['capabilities'][number]['level']>();
    const families = [...new Set(types.flatMap((t) => TYPE_FAMILIES[t] ?? []))];
    const count = types.includes('REFERRAL') && types.length === 1 ? rng.int(2) : rng.between(1, hyperscaler ? 10 : 6);
    for (let k = 0; k < count; k++) {
      const family = this.familyCaps[rng.pick(families)]!;
      if (family.length === 0) continue;
      const capability = this.capabilityNodes[family[rng.skewed(family.length, 1.8)]!]!.record.id;
      capabilities.set(capability, rng.weighted(LEVEL_WEIGHTS));
    }
    const sharing = new Map<string, PartnerRecord['sharing'][number]['level']>();
    if (o.partners > 1 && rng.chance(0.1)) {
      for (let k = rng.between(1, 3); k > 0; k--) {
        const other = rng.int(o.partners);
        if (other !== i) sharing.set(this.partnerIds[other]!, rng.weighted(SHARING_WEIGHTS));
      }
    }
    const industries = hyperscaler ? [] : INDUSTRIES.filter(() => rng.chance(0.2));
    const history = this.history(i, stage, tier, capabilities);
    return {
      id: this.partnerIds[i]!,
      name,
      types,
      tier,
      lifecycleStage: stage,
      regions: bitsOf(this.partnerRegions[i]!, REGIONS),
      industries,
      website: `https://www.${slug(name)}.example`,
      capabilities: [
        ...[...capabilities].map(([capabilityId, level]) => ({ capabilityId, level, since: history.capabilitySince(capabilityId) })),
        ...history.endedCapabilities,
      ],
      integrations: (this.integrations.get(i) ?? [])
        .map((j) => this.partnerIds[j]!)
        .sort()
        .map((partnerId) => ({ partnerId, since: iso(pairInstant(o.seed, this.partnerIds[i]!, partnerId)) })),
      sharing: [...sharing].map(([partnerId, level]) => ({ partnerId, level })),
      stageHistory: history.stageHistory,
      tierHistory: history.tierHistory,
    };
  }

  /**
   * A partner's history (README "Time"), from its own stream so the rest of the preset is unchanged: active and
   * churned partners were onboarded in 2021-2022 (before the first deals), churned ones went DORMANT (and then
   * OFFBOARDED) in 2024-2026, the others entered their stage in 2026; tiers climb from REGISTERED after activation;
   * each capability is held since some time after onboarding, and one partner in 20 once held one it has not now.
   */
  private history(i: number, stage: PartnerRecord['lifecycleStage'], tier: PartnerRecord['tier'], held: Map<string, unknown>) {
    const rng = new Random(streamSeed(this.options.seed, 'history', i));
    const day = 86_400_000;
    const stages: { stage: PartnerRecord['lifecycleStage']; at: number }[] = [];
    if (stage === 'PROSPECT' || stage === 'ONBOARDING') {
      const start = HISTORY_RECENT + rng.int(150) * day;
      stages.push({ stage: 'PROSPECT', at: start });
      if (stage === 'ONBOARDING') stages.push({ stage: 'ONBOARDING', at: start + (20 + rng.int(60)) * day });
    } else {
      const start = HISTORY_FROM + rng.int(640) * day;
      stages.push(
        { stage: 'PROSPECT', at: start },
        { stage: 'ONBOARDING', at: start + 30 * day },
        { stage: 'ACTIVE', at: start + 90 * day },
      );
      if (stage !== 'ACTIVE') {
        const quiet = CHURN_FROM + rng.int(600) * day;
        stages.push({ stage: 'DORMANT', at: quiet });
        if (stage === 'OFFBOARDED') stages.push({ stage: 'OFFBOARDED', at: quiet + (30 + rng.int(90)) * day });
      }
    }
    const onboarded = stages[Math.min(1, stages.length - 1)]!.at;
    const active = stages.find((s) => s.stage === 'ACTIVE')?.at ?? onboarded;
    const steps = PARTNER_TIERS.slice(0, PARTNER_TIERS.indexOf(tier) + 1);
    let at = stages[0]!.at;
    const tierHistory = steps.map((t, k) => {
      if (k > 0)
        at = Math.max(at + day, Math.min(Math.max(at, active) + (60 + rng.int(300)) * day, HISTORY_UNTIL - (steps.length - k) * day));
      return { tier: t, at: iso(at) };
    });
    const endedCapabilities: PartnerRecord['capabilities'] = [];
    if (rng.chance(0.05) && stages.length >= 3) {
      const family = this.familyCaps[rng.int(this.familyCaps.length)]!;
      const capabilityId = family.length > 0 ? this.capabilityNodes[rng.pick(family)]!.record.id : undefined;
      if (capabilityId && !held.has(capabilityId)) {
        const since = onboarded + rng.int(200) * day;
        endedCapabilities.push({ capabilityId, level: 'BASIC', since: iso(since), until: iso(since + (60 + rng.int(400)) * day) });
      }
    }
    return {
      stageHistory: stages.map((s) => ({ stage: s.stage, at: iso(s.at) })),
      tierHistory,
      endedCapabilities,
      capabilitySince: (capabilityId: string) =>
        iso(Math.min(HISTORY_UNTIL, onboarded + (streamSeed(this.options.seed, capabilityId, i) % 400) * day)),
    };
  }

  *customers(): Generator<CustomerRecord> {
    for (let c = 0; c < this.options.customers; c++) yield this.customer(c);
  }

  customer(c: number): CustomerRecord {
    const rng = new Random(streamSeed(this.options.seed, 'customer', c));
    rng.weighted(REGION_WEIGHTS); // the region: the constructor drew it, in this order, from the same stream
    const industry = rng.pick(INDUSTRIES);
    const name = customerName(rng, industry);
    const segment = rng.weighted(SEGMENT_WEIGHTS);
    const needs = new Set<string>();
    for (let k = rng.between(1, 5); k > 0; k--) {
      const family = this.familyCaps[rng.skewed(3, 1.2)]!; // Security, Cloud and Services are what customers ask for
      if (family.length > 0) needs.add(this.capabilityNodes[family[rng.skewed(family.length, 2.5)]!]!.record.id);
    }
    return { id: this.customerIds[c]!, name, industry, region: REGIONS[this.customerRegion[c]!], segment, needs: [...needs] };
  }

  /**
   * Each account holds since an instant in 2022-2026 (README "Time"); one customer or opportunity account in 20 was a
   * prospect for a while before (an ended account, HAD_ACCOUNT).
   */
  *accounts(): Generator<AccountRecord> {
    const day = 86_400_000;
    for (let a = 0; a < this.accountCount; a++) {
      const partnerId = this.partnerIds[this.accountPartner[a]!]!;
      const customerId = this.customerIds[this.accountCustomer[a]!]!;
      const status = ACCOUNT_STATUSES[this.accountStatus[a]!]!;
      const hash = streamSeed(this.options.seed, 'account-since', a);
      const since = ACCOUNTS_FROM + (hash % 1700) * day;
      if (status !== 'PROSPECT' && hash % 20 === 0) {
        const before = since - (30 + (hash % 200)) * day;
        yield { partnerId, customerId, status: 'PROSPECT', since: iso(before), until: iso(since) };
      }
      yield { partnerId, customerId, status, since: iso(since) };
    }
  }

  *solutions(): Generator<SolutionRecord> {
    for (let s = 0; s < this.options.solutions; s++) yield this.solution(s);
  }

  solution(s: number): SolutionRecord {
    const o = this.options;
    const rng = new Random(streamSeed(o.seed, 'solution', s));
    const members = new Map<number, PartnerRecord['types'][number]>();
    const wanted = rng.between(2, 5);
    for (let tries = 0; members.size < wanted && tries < wanted * 20; tries++) {
      const i = rng.skewed(o.partners, 1.5);
      if (LIFECYCLE_ORDER[this.partnerStage[i]!] !== 'ACTIVE' && !rng.chance(0.05)) continue;
      const types = bitsOf(this.partnerTypes[i]!, PARTNER_TYPES) as PartnerRecord['types'];
      members.set(i, rng.pick(types));
    }
    // Requires what its members bring, and now and then something none of them has (a gap to fill).
    const requires = new Set<string>();
    for (const i of members.keys()) {
      const held = this.partner(i).capabilities.filter((c) => c.until === undefined);
      if (held.length > 0) requires.add(rng.pick(held).capabilityId);
    }
    if (requires.size === 0 || rng.chance(0.3)) {
      const family = this.familyCaps[rng.int(TAXONOMY.length)]!;
      if (family.length > 0) requires.add(this.capabilityNodes[rng.pick(family)]!.record.id);
    }
    const name = `${word(rng, 2)} ${rng.pick(SOLUTION_NOUNS)}`;
    const regions = REGIONS.filter(() => rng.chance(0.5));
    return {
      id: `s.${slug(name)}-${s.toString(36)}`,
      name,
      description: `${name}: ${[...requires].length} capabilities from ${members.size} partners.`,
      status: rng.weighted(SOLUTION_STATUS_WEIGHTS),
      requires: [...requires],
      members: [...members].map(([i, role]) => ({ partnerId: this.partnerIds[i]!, role })),
      regions: regions.length > 0 ? regions : ['NA'],
      industries: INDUSTRIES.filter(() => rng.chance(0.25)),
    };
  }

  *deals(): Generator<DealRecord> {
    for (let d = 0; d < this.options.deals; d++) {
      const deal = this.deal(d);
      if (deal) yield deal;
    }
  }

  /** A deal starts from an account, so busy partners work more deals; co-sellers know the customer too. */
  deal(d: number): DealRecord | undefined {
    const o = this.options;
    if (this.accountCount === 0) return undefined;
    const rng = new Random(streamSeed(o.seed, 'deal', d));
    const account = rng.int(this.accountCount);
    const source = this.accountPartner[account]!;
    const c = this.accountCustomer[account]!;
    const customer = this.customer(c);
    const created = DEALS_FROM + Math.floor((rng.float() * (DEALS_UNTIL - DEALS_FROM)) / 60_000) * 60_000;
    const age = (DEALS_UNTIL - created) / DAY;
    const closed = age > 60 && rng.chance(Math.min(0.9, age / 300));
    const stage: DealRecord['stage'] = closed ? (rng.chance(0.55) ? 'CLOSED_WON' : 'CLOSED_LOST') : rng.pick(OPEN_DEAL_STAGES);
    const closedAt = closed ? Math.min(DEALS_UNTIL, created + rng.between(14, Math.min(300, Math.floor(age))) * DAY) : undefined;

    const participants = new Map<number, ParticipantRecord>();
    const add = (i: number, role: ParticipantRecord['role'], sourced: boolean) => {
      if (participants.has(i)) return;
      const lag = sourced ? 0 : rng.int(10) * DAY;
      const registeredAt = Math.min(closedAt ?? DEALS_UNTIL, created + lag);
      participants.set(i, { partnerId: this.partnerIds[i]!, role, sourced, registeredAt: new Date(registeredAt).toISOString() });
    };
    add(source, this.dealRole(source, rng), rng.chance(0.85));
    const known = this.accountsOfCustomer.subarray(this.customerOffset[c]!, this.customerOffset[c + 1]!);
    for (let k = Math.min(known.length - 1, rng.int(3)); k > 0; k--) {
      const other = this.accountPartner[known[rng.int(known.length)]!]!;
      add(other, this.dealRole(other, rng), false);
    }
    if (this.hyperscalers.length > 0 && rng.chance(0.3)) add(rng.pick(this.hyperscalers), 'MARKETPLACE', false);
    if (this.distributors.length > 0 && rng.chance(0.2)) add(rng.pick(this.distributors), 'DISTRIBUTOR', false);

    const currency = rng.weighted(CURRENCIES[customer.region ?? 'NA']!);
    const usd = SEGMENT_DEAL_USD[customer.segment ?? 'SMB']! * Math.exp(rng.float() * 2.2 - 1.1);
    const digits = currency === 'JPY' ? 0 : 2;
    const minor = Math.round(((usd / USD_PER_UNIT[currency]!) * 10 ** digits) / 100) * 100; // whole hundreds of minor units
    const solution = o.solutions > 0 && rng.chance(0.4) ? this.solutionId(rng.int(o.solutions)) : undefined;
    const year = new Date(created).getUTCFullYear();
    return {
      id: `d.${year}-${d.toString(36).padStart(5, '0')}`,
      name: `${customer.name} — ${rng.pick(DEAL_TOPICS)}`,
      customerId: customer.id,
      ...(solution ? { solutionId: solution } : {}),
      stage,
      amount: formatMinor(BigInt(minor), currency),
      currency,
      createdAt: new Date(created).toISOString(),
      ...(closedAt !== undefined ? { closedAt: new Date(closedAt).toISOString() } : {}),
      participants: [...participants.values()],
    };
  }

  private solutionIdCache = new Map<number, string>();
  private solutionId(s: number): string {
    let id = this.solutionIdCache.get(s);
    if (id === undefined) {
      id = this.solution(s).id;
      this.solutionIdCache.set(s, id);
    }
    return id;
  }

  private dealRole(i: number, rng: Random): ParticipantRecord['role'] {
    const types = bitsOf(this.partnerTypes[i]!, PARTNER_TYPES);
    return DEAL_ROLE_OF[rng.pick(types)]!;
  }
}

const LIFECYCLE_ORDER = ['ACTIVE', 'PROSPECT', 'ONBOARDING', 'DORMANT', 'OFFBOARDED'] as const;
const ACCOUNT_STATUS_WEIGHTS = [
  [0, 55],
  [1, 30],
  [2, 15],
] as const;
const LEVEL_WEIGHTS = [
  ['BASIC', 50],
  ['CERTIFIED', 35],
  ['EXPERT', 15],
] as const;
const SHARING_WEIGHTS = [
  ['COUNTS', 50],
  ['OVERLAPS', 35],
  ['FULL', 15],
] as const;
const SOLUTION_STATUS_WEIGHTS = [
  ['PUBLISHED', 70],
  ['DRAFT', 20],
  ['RETIRED', 10],
] as const;
const SOLUTION_NOUNS = [
  'Secure Cloud',
  'Managed XDR',
  'Zero Trust Suite',
  'Compliance Pack',
  'Data Platform',
  'Readiness Program',
  'SOC in a Box',
  'Identity Fabric',
];
const DEAL_TOPICS = [
  'platform renewal',
  'endpoint refresh',
  'SIEM migration',
  'zero trust rollout',
  'managed detection',
  'cloud posture',
  'identity modernisation',
  'expansion',
  'pilot',
  'compliance programme',
];

function partnerName(seed: number, i: number, types: readonly string[]): string {
  const rng = new Random(streamSeed(seed, 'partner-name', i));
  return `${word(rng, rng.between(2, 3))} ${rng.pick(PARTNER_SUFFIX[types[0] ?? 'RESELLER'] ?? ['Group'])}`;
}

function customerName(rng: Random, industry: string): string {
  return `${word(rng, rng.between(2, 3))} ${rng.pick(CUSTOMER_SUFFIX[industry] ?? ['Group'])}`;
}

function drawRegionMask(rng: Random): number {
  let mask = 1 << REGIONS.indexOf(rng.weighted(REGION_WEIGHTS));
  if (rng.chance(0.25)) mask |= 1 << REGIONS.indexOf(rng.weighted(REGION_WEIGHTS));
  return mask;
}

function shuffle<T>(items: T[], rng: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Roots, then their children, then qualified grandchildren until the count is reached. */
function buildTaxonomy(count: number, rng: Random): CapabilityNode[] {
  const nodes: CapabilityNode[] = [];
  const used = new Set<string>();
  const parentName = (id: string) => nodes.find((n) => n.record.id === id)?.record.name ?? id;
  const add = (name: string, family: number, parentId?: string) => {
    let id = `cap.${slug(name)}`;
    for (let n = 2; used.has(id); n++) id = `cap.${slug(name)}-${n}`;
    used.add(id);
    const category = TAXONOMY[family]!.category;
    const description = parentId ? `${name}, a part of ${parentName(parentId)}.` : `The ${category} family of capabilities.`;
    nodes.push({ record: { id, name, category, ...(parentId ? { parentId } : {}), description }, family });
    return id;
  };
  const roots = TAXONOMY.map((f, family) => add(f.root, family));
  const children: { id: string; name: string; family: number }[] = [];
  for (let round = 0; nodes.length < count && round < 40; round++) {
    TAXONOMY.forEach((f, family) => {
      const name = f.children[round];
      if (name !== undefined && nodes.length < count) children.push({ id: add(name, family, roots[family]), name, family });
    });
    if (TAXONOMY.every((f) => f.children[round] === undefined)) break;
  }
  const combos = children.flatMap((c) => TAXONOMY[c.family]!.qualifiers.map((q) => ({ ...c, q })));
  shuffle(combos, rng);
  for (const { id, name, family, q } of combos) {
    if (nodes.length >= count) break;
    add(`${name} ${q}`, family, id);
  }
  // Past every combination (thousands), numbered variants keep the requested count exact.
  for (let n = 2; nodes.length < count; n++) {
    const c = children[n % children.length]!;
    add(`${c.name} edition ${n}`, c.family, c.id);
  }
  return nodes;
}

function groupByCustomer(customerOf: Int32Array, customers: number): { offset: Int32Array; accounts: Int32Array } {
  const offset = new Int32Array(customers + 1);
  for (const c of customerOf) offset[c + 1]!++;
  for (let c = 0; c < customers; c++) offset[c + 1]! += offset[c]!;
  const fill = offset.slice(0, customers);
  const accounts = new Int32Array(customerOf.length);
  customerOf.forEach((c, a) => {
    accounts[fill[c]!++] = a;
  });
  return { offset, accounts };
}

// ---- Public entry points ----

/** The whole document in memory: fine up to the large preset; stream xl with writeEcosystemJson. */
export function generateEcosystem(options: GeneratorOptions): EcosystemDocument {
  const model = new GeneratedEcosystem(options);
  return {
    formatVersion: 2,
    capabilities: [...model.capabilities()],
    partners: [...model.partners()],
    customers: [...model.customers()],
    accounts: [...model.accounts()],
    solutions: [...model.solutions()],
    deals: [...model.deals()],
  };
}

export const SECTIONS = ['capabilities', 'partners', 'customers', 'accounts', 'solutions', 'deals'] as const;

/** Streams the document as JSON (one record per line) without holding it whole; returns records written. */
export async function writeEcosystemJson(model: GeneratedEcosystem, out: Writable): Promise<number> {
  let records = 0;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write('{\n"formatVersion": 2');
  for (const section of SECTIONS) {
    await write(`,\n${JSON.stringify(section)}: [`);
    let batch: string[] = [];
    let first = true;
    for (const record of model[section]()) {
      batch.push((first ? '\n' : ',\n') + JSON.stringify(record));
      first = false;
      records++;
      if (batch.length === 1000) {
        await write(batch.join(''));
        batch = [];
      }
    }
    await write(`${batch.join('')}\n]`);
  }
  await write('\n}\n');
  return records;
}
