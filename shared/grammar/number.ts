/** Polish numbers: "1 234 567", "12,5" (non-breaking space groups, comma decimals). */

/** Non-breaking space: the thousands separator and the space between a number and its unit. */
export const NBSP = '\u00a0';

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Polish number with at most `decimals` (default 2) and at least `minDecimals` (default 0)
 *  fraction digits; a missing or non-finite value prints the fallback (default "—"). */
export function formatNumber(
  value: number | null | undefined,
  opts: { decimals?: number; minDecimals?: number; fallback?: string } = {},
): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return opts.fallback ?? '—';
  const decimals = opts.decimals ?? 2;
  const minDecimals = opts.minDecimals ?? 0;
  const neg = value < 0;
  let fixed = Math.abs(value).toFixed(decimals);
  if (decimals > minDecimals && fixed.includes('.')) {
    // Drop trailing zeros down to minDecimals.
    const [i, f = ''] = fixed.split('.');
    let frac = f;
    while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
    fixed = frac ? `${i}.${frac}` : i!;
  }
  const [intPart, frac] = fixed.split('.');
  const out = group(intPart!) + (frac ? `,${frac}` : '');
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/** Groups of digits with non-breaking spaces (for amounts). */
export const groupDigits = group;
