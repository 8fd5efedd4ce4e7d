import { percentile } from "@/lib/quality/percentile";

// Percentiles are the program's one definition (lib/quality/percentile.ts:
// linear interpolation, PostgreSQL's percentile_cont), re-exported here so the
// statistics read from one place.

export { percentile };

export function median(values: readonly number[]): number | null {
  return percentile(values, 0.5);
}

/** p50 and p95 with the sample size. */
export function summarize(values: readonly number[]): { n: number; p50: number | null; p95: number | null } {
  return { n: values.length, p50: percentile(values, 0.5), p95: percentile(values, 0.95) };
}
