// Exact money: decimal strings in and out, bigint minor units inside, never floats.
// Minor digits follow ISO 4217 (USD 2, JPY 0, BHD 3); codes are those ICU knows.

/** ISO 4217 currencies whose minor unit is not 2 digits. Units with no minor unit (gold, SDR…) count as 0. */
const MINOR_DIGITS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  XAU: 0, XAG: 0, XPT: 0, XPD: 0, XDR: 0, XBA: 0, XBB: 0, XBC: 0, XBD: 0, XTS: 0, XXX: 0, XSU: 0, XUA: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const KNOWN = new Set(Intl.supportedValuesOf('currency'));

export class MoneyError extends Error {}

export interface Money {
  minor: bigint;
  currency: string;
}

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (KNOWN.has(code) || code in MINOR_DIGITS);
}

export function minorDigits(currency: string): number {
  if (!isCurrency(currency)) throw new MoneyError(`${JSON.stringify(currency)} is not an ISO 4217 currency code`);
  return MINOR_DIGITS[currency] ?? 2;
}

const AMOUNT = /^(0|[1-9]\d*)(?:\.(\d+))?$/;

/** "125000.50" USD → 12500050n. Rejects negatives, exponents, and more decimals than the currency has. */
export function parseAmount(amount: string, currency: string): bigint {
  const digits = minorDigits(currency);
  const m = AMOUNT.exec(amount);
  if (!m) throw new MoneyError(`${JSON.stringify(amount)} is not a non-negative decimal amount such as "125000.50"`);
  const fraction = m[2] ?? '';
  if (fraction.length > digits) {
    throw new MoneyError(`${currency} has ${digits} minor digit${digits === 1 ? '' : 's'}; ${JSON.stringify(amount)} has ${fraction.length}`);
  }
  return BigInt(m[1] + fraction.padEnd(digits, '0'));
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

/** Sums per currency, exactly; the result is sorted by currency code. */
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
