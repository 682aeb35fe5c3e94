// Money on the page: the API's exact decimal string, grouped and punctuated for the reader's locale, never through a
// float (BigInt for the whole part): formatMoney('939000.00', 'USD', 'en-US') is 'USD 939,000.00'.

/** `CUR whole.fraction` with the locale's grouping and decimal separators; the digits are the API's, unchanged. */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return `${currency} ${amount}`;
  const [, sign, whole, fraction] = match;
  const format = new Intl.NumberFormat(locale, { useGrouping: true });
  const decimal = format.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${currency} ${sign}${format.format(BigInt(whole!))}${fraction ? decimal + fraction : ''}`;
}
