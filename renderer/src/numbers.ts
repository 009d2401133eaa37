/**
 * Polish number format for everything on screen (Intl.NumberFormat('pl-PL')): "0,35", "1 234,5".
 * Charts, tooltips, axes and figures all go through these, never through toFixed / String().
 */
const cache = new Map<string, Intl.NumberFormat>();

function formatter(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('pl-PL', { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
}

/** "0,35", "12", "1234" — at most `maxDigits` decimals (default 2), no trailing zeros. */
export function formatNumber(x: number, maxDigits = 2): string {
  return formatter(0, maxDigits).format(x);
}

/** Exactly `digits` decimals: "2,5", "0,0". */
export function formatFixed(x: number, digits = 1): string {
  return formatter(digits, digits).format(x);
}
