// Money in the tests' oracles, written apart from src/money: an amount in integer minor units as the API's decimal
// string, and totals per currency summed in bigint.

/** ISO 4217 minor-unit digits of the currencies the tests use. */
export const MINOR_DIGITS: Record<string, number> = { JPY: 0, USD: 2, EUR: 2, BHD: 3 };

/** `minor` (non-negative) minor units of `currency` as a decimal string ("12.34" for 1234n USD, "7" for 7n JPY). */
export function decimal(minor: bigint, currency: string): string {
  const d = MINOR_DIGITS[currency];
  if (d === undefined) throw new Error(`no minor digits for ${currency} in test/support/money.ts`);
  const text = minor.toString().padStart(d + 1, '0');
  return d === 0 ? text : `${text.slice(0, -d)}.${text.slice(-d)}`;
}

/** An amount the API answered ("12.34", with all its minor digits) in minor units. */
export const minorOf = (amount: string): bigint => BigInt(amount.replace('.', ''));

/** The totals of `items` per currency, as Money values sorted by currency. */
export function perCurrency(items: { minor: bigint; currency: string }[]): { amount: string; currency: string }[] {
  const totals = new Map<string, bigint>();
  for (const i of items) totals.set(i.currency, (totals.get(i.currency) ?? 0n) + i.minor);
  return [...totals.keys()].sort().map((c) => ({ amount: decimal(totals.get(c)!, c), currency: c }));
}
