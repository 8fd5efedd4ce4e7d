// Small statistics used by the rules. Percentiles use the nearest-rank method:
// the p-th percentile of n sorted values is the value at rank ceil(p/100 * n)
// (1-based). Worked example: [4, 1, 9, 7] sorted is [1, 4, 7, 9]; p50 -> rank
// ceil(0.5 * 4) = 2 -> 4; p95 -> rank ceil(0.95 * 4) = 4 -> 9.

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** NPS = % promoters - % detractors, from -100 to 100; null without responses. */
export function npsScore(c: { promoters: number; passives: number; detractors: number }): number | null {
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) return null;
  return ((c.promoters - c.detractors) / n) * 100;
}

/** Survival % of the checks, or null when nothing was checked. */
export function survivalPct(checks: readonly { checked: number; survived: number }[]): number | null {
  let checked = 0;
  let survived = 0;
  for (const c of checks) {
    checked += c.checked;
    survived += c.survived;
  }
  return checked === 0 ? null : (survived / checked) * 100;
}

/** The calendar quarter of a date in UTC: "2026-Q4". */
export function quarterOf(d: Date): string {
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;
