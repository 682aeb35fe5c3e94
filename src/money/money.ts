// Exact money: decimal strings in and out, bigint minor units inside, never floats.
// Minor digits follow ISO 4217 (USD 2, JPY 0, BHD 3); codes are those ICU knows.

/** ISO 4217 currencies whose minor unit is not 2 digits. Units with no minor unit (gold, SDR…) count as 0. */
const MINOR_DIGITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  XAU: 0,
  XAG: 0,
  XPT: 0,
  XPD: 0,
  XDR: 0,
  XBA: 0,
  XBB: 0,
  XBC: 0,
  XBD: 0,
  XTS: 0,
  XXX: 0,
  XSU: 0,
  XUA: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const KNOWN = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 codes that name no money a deal can be priced in: "no currency" and the testing code. */
const NOT_MONEY = new Set(['XXX', 'XTS']);

export class MoneyError extends Error {}

export interface Money {
  minor: bigint;
  currency: string;
}

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && !NOT_MONEY.has(code) && (KNOWN.has(code) || code in MINOR_DIGITS);
}

export function minorDigits(currency: string): number {
  if (!isCurrency(currency)) throw new MoneyError(`${JSON.stringify(currency)} is not an ISO 4217 currency code`);
  return MINOR_DIGITS[currency] ?? 2;
}

const AMOUNT = /^(0|[1-9]\d*)(?:\.(\d+))?$/;

/**
 * The largest amount, in minor units, anywhere in the system: 2^63 − 1, the largest integer Neo4j
 * stores (a signed 64-bit long). Larger values would wrap through `neo4j.int`, so every door refuses
 * them (parseAmount). Per minor-digit count: 9223372036854775807 (JPY), 92233720368547758.07 (USD),
 * 9223372036854775.807 (BHD), 922337203685477.5807 (CLF).
 */
export const MAX_MINOR = 2n ** 63n - 1n;

/** More digits than this can never fit MAX_MINOR (19 digits); checked before BigInt() reads them. */
const MAX_MINOR_DIGITS = MAX_MINOR.toString().length;

/** The largest amount of `currency` as its decimal string, e.g. "92233720368547758.07" for USD. */
export function maxAmount(currency: string): string {
  return formatMinor(MAX_MINOR, currency);
}

/**
 * Checks an amount's text alone (for when its currency is unknown): ASCII digits, an optional
 * fraction after ".", no sign, exponent, spaces or leading zeros. Throws MoneyError.
 */
export function checkAmountText(amount: string): void {
  if (!AMOUNT.test(amount)) throw new MoneyError(`${quote(amount)} is not a non-negative decimal amount such as "125000.50"`);
}

/**
 * The one money parser, used by every door (API inputs, import, bulk load): "125000.50" USD →
 * 12500050n. Refuses (MoneyError) negatives, "-0", "+1", exponents, spaces, more decimals than the
 * currency has (JPY "1.5", USD "1.001"), unknown currency codes, and amounts above maxAmount(currency)
 * (MAX_MINOR minor units), so nothing stored can wrap.
 */
export function parseAmount(amount: string, currency: string): bigint {
  const digits = minorDigits(currency);
  checkAmountText(amount);
  const [whole = '', fraction = ''] = amount.split('.');
  if (fraction.length > digits) {
    throw new MoneyError(`${currency} has ${digits} minor digit${digits === 1 ? '' : 's'}; ${quote(amount)} has ${fraction.length}`);
  }
  const minorText = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (minorText.length > MAX_MINOR_DIGITS || BigInt(minorText) > MAX_MINOR) {
    throw new MoneyError(`${quote(amount)} is too large: the largest ${currency} amount is ${maxAmount(currency)}`);
  }
  return BigInt(minorText);
}

/** The amount for a message: JSON-quoted, and cut short when long (a message never echoes megabytes). */
function quote(amount: string): string {
  return amount.length > 40 ? `${JSON.stringify(amount.slice(0, 30))}… (${amount.length} characters)` : JSON.stringify(amount);
}

/** 12500050n USD → "125000.50"; always exactly the currency's minor digits. */
export function formatMinor(minor: bigint | number, currency: string): string {
  const digits = minorDigits(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/**
 * Sums per currency, exactly, in bigint: a sum never wraps, however many MAX_MINOR amounts it adds
 * (a total above MAX_MINOR is still exact and shown as its decimal string). Cypher's integers are 64-bit:
 * `+` raises on overflow and sum() silently turns into an inexact float (test/ecosystem-health-split-sums.int.test.ts),
 * so a sum of money made in Cypher sums each amount's halves apart (minor / 2^32 and minor % 2^32, which cannot
 * overflow) and joins them here in bigint (cypher/deals/get-ecosystem-health.cypher). The result is sorted by currency code.
 */
export function sumByCurrency(items: Iterable<{ minor: bigint | number; currency: string }>): Money[] {
  const totals = new Map<string, bigint>();
  for (const { minor, currency } of items) totals.set(currency, (totals.get(currency) ?? 0n) + BigInt(minor));
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, minor]) => ({ minor, currency }));
}

/**
 * Splits `total` minor units by non-negative integer weights with largest-remainder rounding:
 * each share is floor(total * w / sum(w)); the units left over go one each to the largest
 * remainders, ties to the lower index (callers order parties by id). Shares sum exactly to total.
 */
export function splitByWeights(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new MoneyError('cannot split a negative amount');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (weights.some((w) => w < 0n)) throw new MoneyError('weights must be non-negative');
  if (sum === 0n) return weights.map(() => 0n);
  const shares = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares;
}
