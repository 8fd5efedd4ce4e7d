// Net Promoter Score, one definition for the whole program.
//
//   promoters: scores 9-10, passives: 7-8, detractors: 0-6
//   NPS = 100 * (promoters - detractors) / n            (from -100 to +100)
//
// Margin of error (95%, normal approximation): score each response +1
// (promoter), 0 (passive) or -1 (detractor); NPS/100 is the mean of those,
// whose variance is  var = pP + pD - (pP - pD)^2  (pP, pD the shares), so
//
//   MoE = 100 * 1.96 * sqrt(var / n)
//
// Worked example: 20 responses, 10 promoters, 6 passives, 4 detractors:
//   pP = 0.5, pD = 0.2 -> NPS = 100 * (0.5 - 0.2) = 30
//   var = 0.5 + 0.2 - 0.3^2 = 0.61 -> MoE = 196 * sqrt(0.61 / 20) = 34.23 (to 2 places)
//   so "NPS 30 ± 34 (n = 20)". A single response has no meaningful margin: null below n = 2.

export interface NpsSummary {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** -100..100, null without responses. */
  nps: number | null;
  /** Half-width of the 95% interval in NPS points; null below two responses. */
  marginOfError: number | null;
}

export type NpsCategory = "promoter" | "passive" | "detractor";

export function categoryOf(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) throw new RangeError("An NPS score is a whole number from 0 to 10");
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

export function summarizeCounts(promoters: number, passives: number, detractors: number): NpsSummary {
  const n = promoters + passives + detractors;
  if (n === 0) return { n, promoters, passives, detractors, nps: null, marginOfError: null };
  const pP = promoters / n;
  const pD = detractors / n;
  const nps = 100 * (pP - pD);
  const variance = Math.max(0, pP + pD - (pP - pD) ** 2);
  const marginOfError = n >= 2 ? 100 * 1.96 * Math.sqrt(variance / n) : null;
  return { n, promoters, passives, detractors, nps, marginOfError };
}

export function computeNps(scores: readonly number[]): NpsSummary {
  let p = 0;
  let pa = 0;
  let d = 0;
  for (const s of scores) {
    const c = categoryOf(s);
    if (c === "promoter") p += 1;
    else if (c === "passive") pa += 1;
    else d += 1;
  }
  return summarizeCounts(p, pa, d);
}

/** "2026-Q4" for a date (UTC). */
export function quarterOf(d: Date): string {
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** [start, end) of a quarter like "2026-Q4", in UTC. */
export function quarterRange(quarter: string): { start: Date; end: Date } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`Not a quarter: ${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]) - 1;
  return { start: new Date(Date.UTC(year, q * 3, 1)), end: new Date(Date.UTC(year, q * 3 + 3, 1)) };
}

/** The quarter before, e.g. "2026-Q1" -> "2025-Q4". */
export function previousQuarter(quarter: string): string {
  const { start } = quarterRange(quarter);
  return quarterOf(new Date(start.getTime() - 1));
}

/** "+30", "-12", "0", "—". */
export function formatNps(nps: number | null): string {
  if (nps === null) return "—";
  const r = Math.round(nps);
  return r > 0 ? `+${r}` : String(r);
}
