import { percentile as percentileOf } from "@/lib/quality/percentile";

// Small statistics used by the rules. Percentiles are the program's one method
// (linear interpolation, as PostgreSQL's percentile_cont; see lib/quality/percentile.ts),
// taken here as 0-100.

export function percentile(values: readonly number[], p: number): number | null {
  return percentileOf(values, p / 100);
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
