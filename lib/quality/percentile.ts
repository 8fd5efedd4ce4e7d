// Percentiles for TTI rollups: linear interpolation between closest ranks,
// the method of PostgreSQL's percentile_cont (also Excel's PERCENTILE.INC and
// R's type 7). The SQL rollups use percentile_cont, so this function and the
// database always agree.
//
//   sorted values x[0] <= ... <= x[n-1], fraction p in [0, 1]
//   h = (n - 1) * p,  lo = floor(h)
//   P(p) = x[lo] + (h - lo) * (x[lo + 1] - x[lo])      (x[lo] when lo = n - 1)
//
// Worked example, TTI in minutes of ten installs:
//   [4, 7, 9, 12, 15, 22, 40, 95, 180, 600]
//   p50: h = 9 * 0.50 = 4.5  -> x[4] + 0.5  * (x[5] - x[4]) = 15 + 0.5  * 7   = 18.5
//   p95: h = 9 * 0.95 = 8.55 -> x[8] + 0.55 * (x[9] - x[8]) = 180 + 0.55 * 420 = 411

/** The p-th percentile (0..1) by linear interpolation; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError("percentile fraction must be within [0, 1]");
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  if (lo + 1 >= sorted.length) return below;
  return below + (h - lo) * (sorted[lo + 1]! - below);
}
